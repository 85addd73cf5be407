package org.hostarea.billing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The last number handed out in one series and year ({@code id} = {@code series:year}). Issuing locks this
 * row, so numbers come strictly one after the other; a rolled-back issue rolls its number back too.
 */
@Entity
@Table(name = "HA_INVOICE_SEQUENCE")
public class InvoiceSequenceEntity {

    @Id
    @Column(name = "ID", length = 20)
    private String id;

    @Column(name = "LAST_VALUE", nullable = false)
    private long lastValue;

    protected InvoiceSequenceEntity() {
    }

    InvoiceSequenceEntity(String id) {
        this.id = id;
    }

    long next() {
        return ++lastValue;
    }
}
