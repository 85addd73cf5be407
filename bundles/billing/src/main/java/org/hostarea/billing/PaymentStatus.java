package org.hostarea.billing;

public enum PaymentStatus {
    /** Stored and started; waiting for the customer, the bank or the provider. */
    PENDING,
    /** Taken: allocated to its invoices (any excess is credit). */
    COMPLETED,
    /** Refused; nothing was taken. */
    DECLINED,
    /** The gateway could not tell (error, timeout, gone mid-call): reconciliation asks it again. */
    UNKNOWN
}
