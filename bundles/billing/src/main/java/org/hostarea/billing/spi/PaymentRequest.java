package org.hostarea.billing.spi;

import java.util.List;
import java.util.Map;

import org.hostarea.core.Money;

/**
 * A payment to start.
 *
 * @param paymentId billing's id of the payment: unique, stable across retries, the reference to give the
 *     provider (so its callbacks and status queries name it)
 * @param invoiceNumbers what is paid, for the provider's description or a transfer reference
 * @param options gateway-specific choices of the customer (e.g. a stored method), passed through unchecked
 */
public record PaymentRequest(String paymentId, String accountId, Money amount, List<String> invoiceNumbers, String description,
        Map<String, String> options) {

    public PaymentRequest {
        invoiceNumbers = List.copyOf(invoiceNumbers);
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
