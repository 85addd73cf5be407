package org.hostarea.billing.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A reminder or suspension that happened, keyed by what it is about ({@code domain-reminder:<domain>:<expiry>:<days>},
 * {@code overdue:<invoice>:<days>}, {@code suspension:<invoice>}). It is inserted in the transaction that queues
 * its mail, so its primary key makes each one happen once, however many runs overlap.
 */
@Entity
@Table(name = "HA_BILLING_NOTICE", indexes = @Index(name = "IX_NOTICE_OPEN", columnList = "KIND, RESOLVED_AT"))
public class NoticeEntity {

    static final String SUSPENSION = "SUSPENSION";
    static final String OVERDUE = "OVERDUE";
    static final String DOMAIN = "DOMAIN";

    @Id
    @Column(name = "NOTICE_KEY", length = 160)
    private String key;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "INVOICE_ID", length = 36)
    private String invoiceId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** For suspensions: when the packages were unsuspended (the invoice was paid or cancelled). */
    @Column(name = "RESOLVED_AT")
    private Long resolvedAt;

    protected NoticeEntity() {
    }

    NoticeEntity(String key, String kind, String accountId, String invoiceId, Instant now) {
        this.key = key;
        this.kind = kind;
        this.accountId = accountId;
        this.invoiceId = invoiceId;
        this.createdAt = now.toEpochMilli();
    }

    String key() {
        return key;
    }

    String accountId() {
        return accountId;
    }

    String invoiceId() {
        return invoiceId;
    }

    boolean resolved() {
        return resolvedAt != null;
    }

    void resolve(Instant now) {
        this.resolvedAt = now.toEpochMilli();
    }
}
