package org.hostarea.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.hostarea.core.Money;

/**
 * A payment through a gateway.
 *
 * @param allocations what it pays of which invoice; on completion an invoice that needs less (paid meanwhile,
 *     cancelled) leaves the rest as credit
 * @param redirectUrl for PENDING: where the customer approves it, if anywhere
 * @param instructions for PENDING: what the customer must do, if anything (e.g. bank transfer details)
 * @param charged what the gateway was asked for, when it settles in another currency (converted at {@code rate});
 *     {@code null} otherwise
 */
public record Payment(String id, String accountId, String gateway, Money amount, PaymentStatus status,
        List<PaymentAllocation> allocations, String providerReference, String redirectUrl, String instructions, String message,
        Instant createdAt, Instant completedAt, Money charged, BigDecimal rate) {

    public Payment {
        allocations = List.copyOf(allocations);
    }
}
