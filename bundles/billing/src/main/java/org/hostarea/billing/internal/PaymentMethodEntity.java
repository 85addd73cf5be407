package org.hostarea.billing.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.hostarea.billing.PaymentMethod;

/** A stored gateway reference of an account. */
@Entity
@Table(name = "HA_PAYMENT_METHOD", indexes = @Index(name = "IX_PAYMENT_METHOD_ACCOUNT", columnList = "ACCOUNT_ID"))
public class PaymentMethodEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "GATEWAY", length = 40, nullable = false)
    private String gateway;

    @Column(name = "LABEL", length = 60, nullable = false)
    private String label;

    @Column(name = "REFERENCE", length = 200, nullable = false)
    private String reference;

    @Column(name = "IS_DEFAULT", nullable = false)
    private boolean isDefault;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected PaymentMethodEntity() {
    }

    PaymentMethodEntity(String id, String accountId, String gateway, String label, String reference, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.gateway = gateway;
        this.label = label;
        this.reference = reference;
        this.createdAt = now.toEpochMilli();
    }

    String accountId() {
        return accountId;
    }

    String gateway() {
        return gateway;
    }

    String reference() {
        return reference;
    }

    void makeDefault(boolean value) {
        this.isDefault = value;
    }

    PaymentMethod toDto() {
        String hint = "…" + reference.substring(Math.max(0, reference.length() - 4));
        return new PaymentMethod(id, gateway, label, hint, isDefault, Instant.ofEpochMilli(createdAt));
    }
}
