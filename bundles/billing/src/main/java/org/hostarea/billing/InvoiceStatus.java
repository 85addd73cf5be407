package org.hostarea.billing;

public enum InvoiceStatus {
    /** Being prepared by staff; no number, not shown to the customer. */
    DRAFT,
    /** Issued: numbered, shown, payable. */
    UNPAID,
    PAID,
    /** Withdrawn after issue; its number stays used. */
    CANCELLED,
    REFUNDED
}
