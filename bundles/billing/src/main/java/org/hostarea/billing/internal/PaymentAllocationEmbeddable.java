package org.hostarea.billing.internal;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** The part of a payment meant for one invoice. */
@Embeddable
public class PaymentAllocationEmbeddable {

    @Column(name = "INVOICE_ID", length = 36, nullable = false)
    private String invoiceId;

    @Column(name = "INVOICE_NUMBER", length = 30, nullable = false)
    private String invoiceNumber;

    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    protected PaymentAllocationEmbeddable() {
    }

    PaymentAllocationEmbeddable(String invoiceId, String invoiceNumber, BigDecimal amount) {
        this.invoiceId = invoiceId;
        this.invoiceNumber = invoiceNumber;
        this.amount = amount;
    }

    String invoiceId() {
        return invoiceId;
    }

    String invoiceNumber() {
        return invoiceNumber;
    }

    BigDecimal amount() {
        return amount;
    }
}
