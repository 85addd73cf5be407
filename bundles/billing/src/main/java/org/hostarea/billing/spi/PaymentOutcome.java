package org.hostarea.billing.spi;

/** What a gateway says about a payment. */
public enum PaymentOutcome {
    /** The money is taken: billing records the payment. */
    COMPLETED,
    /** Waiting for the customer (redirect), the bank (instructions) or the provider; a callback or reconciliation follows. */
    PENDING,
    /** Refused (card declined, cancelled by the customer): nothing was taken. */
    DECLINED,
    /** The gateway cannot tell (timeout, provider error): billing keeps the payment UNKNOWN and asks again later. */
    UNKNOWN
}
