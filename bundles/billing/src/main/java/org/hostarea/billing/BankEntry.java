package org.hostarea.billing;

import java.time.Instant;
import java.time.LocalDate;

import org.hostarea.core.Money;

/**
 * A credit line of an imported bank statement.
 *
 * @param reference the remittance information (the transfer reference the customer wrote)
 * @param paymentId for MATCHED: the payment recorded
 * @param note why it was not matched, for staff
 */
public record BankEntry(String id, String statementId, LocalDate bookingDate, Money amount, String debtor, String reference,
        BankEntryStatus status, String paymentId, String note, Instant importedAt) {
}
