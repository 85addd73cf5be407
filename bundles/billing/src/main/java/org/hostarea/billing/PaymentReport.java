package org.hostarea.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hostarea.core.Money;

/**
 * A payment the customer made outside Hostarea (at a bank branch, by transfer) and reports for staff to check.
 *
 * @param paymentId once CONFIRMED: the payment it was recorded as
 */
public record PaymentReport(String id, String accountId, List<String> invoiceIds, Money amount, LocalDate paidOn, String branch,
        String receiptNumber, String note, PaymentReportStatus status, String rejectReason, String paymentId, Instant createdAt,
        Instant decidedAt) {

    public PaymentReport {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
