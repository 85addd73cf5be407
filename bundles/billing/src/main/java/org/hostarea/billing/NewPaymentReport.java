package org.hostarea.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the customer reports: the invoices (of one currency), the amount, the day, the bank branch and the receipt number. */
public record NewPaymentReport(List<String> invoiceIds, BigDecimal amount, LocalDate paidOn, String branch, String receiptNumber,
        String note) {
}
