package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.hostarea.billing.CreditEntry;
import org.hostarea.billing.CreditEntryKind;
import org.hostarea.core.Money;

/** One ledger entry; never updated or deleted. The idempotency key is unique per account. */
@Entity
@Table(name = "HA_CREDIT_ENTRY",
        uniqueConstraints = @UniqueConstraint(name = "UQ_CREDIT_ENTRY_KEY", columnNames = {"ACCOUNT_ID", "IDEMPOTENCY_KEY"}),
        indexes = @Index(name = "IX_CREDIT_ENTRY_ACCOUNT", columnList = "ACCOUNT_ID, CURRENCY"))
public class CreditEntryEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 16, nullable = false)
    private CreditEntryKind kind;

    @Column(name = "INVOICE_ID", length = 36)
    private String invoiceId;

    @Column(name = "NOTE", length = 500)
    private String note;

    @Column(name = "ACTOR", length = 80, nullable = false)
    private String actor;

    @Column(name = "IDEMPOTENCY_KEY", length = 100)
    private String idempotencyKey;

    /** What the keyed request asked for: its amount, or {@code auto}; a repeat must ask the same. */
    @Column(name = "REQUEST", length = 40)
    private String request;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected CreditEntryEntity() {
    }

    CreditEntryEntity(String id, String accountId, Money amount, CreditEntryKind kind, String invoiceId, String note, String actor,
            String idempotencyKey, String request, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.currency = amount.currency().getCurrencyCode();
        this.amount = amount.amount();
        this.kind = kind;
        this.invoiceId = invoiceId;
        this.note = note;
        this.actor = actor;
        this.idempotencyKey = idempotencyKey;
        this.request = request;
        this.createdAt = now.toEpochMilli();
    }

    String id() {
        return id;
    }

    String invoiceId() {
        return invoiceId;
    }

    String request() {
        return request;
    }

    CreditEntry toDto() {
        return new CreditEntry(id, Money.of(amount, currency), kind, invoiceId, note, actor, Instant.ofEpochMilli(createdAt));
    }
}
