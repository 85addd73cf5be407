package org.hostarea.billing;

/** What became of a bank statement line. */
public enum BankEntryStatus {
    /** Paid the invoice(s) it names, exactly: a payment was recorded. */
    MATCHED,
    /** Names no invoice Hostarea knows: for staff. */
    UNMATCHED,
    /** Names invoices, but the amount or their state does not fit exactly: for staff. */
    AMBIGUOUS
}
