package org.hostarea.billing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.hostarea.billing.PaymentStatus;

/**
 * An {@code Idempotency-Key} of a payment request: unique per account, with the hash of the request it was
 * first used for and, once answered, the payment and the status the first answer had. Kept (at least 24 h;
 * no purge yet).
 */
@Entity
@Table(name = "HA_IDEMPOTENCY", uniqueConstraints = @UniqueConstraint(name = "UQ_IDEMPOTENCY", columnNames = {"ACCOUNT_ID", "IDEM_KEY"}))
public class IdempotencyEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "IDEM_KEY", length = 100, nullable = false)
    private String key;

    @Column(name = "REQUEST_HASH", length = 64, nullable = false)
    private String requestHash;

    @Column(name = "PAYMENT_ID", length = 36)
    private String paymentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "FIRST_STATUS", length = 16)
    private PaymentStatus firstStatus;

    @Column(name = "FIRST_MESSAGE", length = 500)
    private String firstMessage;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected IdempotencyEntity() {
    }

    IdempotencyEntity(String id, String accountId, String key, String requestHash, long createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.key = key;
        this.requestHash = requestHash;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String requestHash() {
        return requestHash;
    }

    String paymentId() {
        return paymentId;
    }

    PaymentStatus firstStatus() {
        return firstStatus;
    }

    String firstMessage() {
        return firstMessage;
    }

    long createdAt() {
        return createdAt;
    }

    boolean answered() {
        return firstStatus != null;
    }

    void answered(String paymentId, PaymentStatus status, String message) {
        this.paymentId = paymentId;
        this.firstStatus = status;
        this.firstMessage = message;
    }
}
