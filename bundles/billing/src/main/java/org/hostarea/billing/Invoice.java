package org.hostarea.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hostarea.core.Money;

/**
 * An invoice.
 *
 * @param number {@code [SERIES-]YYYY-NNNNNN}, assigned at issue; {@code null} for a DRAFT
 * @param amountPaid what payments and applied credit have covered, less refunds; {@code amountDue} = total − paid
 * @param amountRefunded what was given back after it was paid
 */
public record Invoice(String id, String accountId, String number, String series, InvoiceKind kind, InvoiceStatus status, String currency,
        LocalDate issueDate, LocalDate dueDate, List<InvoiceLine> lines, Money net, Money tax, Money total, Money amountPaid,
        Money amountDue, Money amountRefunded, String cancelReason, Instant createdAt) {

    public Invoice {
        lines = List.copyOf(lines);
    }
}
