package org.hostarea.billing;

/** What an invoice is for. */
public enum InvoiceKind {
    /** Services: packages, domains, fees. */
    STANDARD,
    /** "Add funds": paying it adds its amount to the credit; it is never itself paid from credit. */
    ADD_FUNDS
}
