package org.hostarea.billing;

import java.time.Instant;

import org.hostarea.core.Money;

/** One entry of the credit ledger: positive adds credit, negative uses it. Never changed or deleted. */
public record CreditEntry(String id, Money amount, CreditEntryKind kind, String invoiceId, String note, String actor, Instant createdAt) {
}
