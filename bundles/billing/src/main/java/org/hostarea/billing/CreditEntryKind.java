package org.hostarea.billing;

/** Why the credit balance moved. */
public enum CreditEntryKind {
    /** Credit given by staff (goodwill, correction). */
    ADJUSTMENT,
    /** Credit used to pay an invoice (negative). */
    APPLIED,
    /** Credit given back when an invoice paid with it is cancelled. */
    REVERSAL,
    /** What a payment brought beyond what its invoices still owed. */
    OVERPAYMENT,
    /** A paid "add funds" invoice. */
    ADD_FUNDS,
    /** Taken back when a paid invoice is refunded (its add-funds credit), or given back (what credit paid of it). */
    REFUND,
    /** The balance of a merged customer number, moved to the surviving one (negative there, positive here). */
    MERGE
}
