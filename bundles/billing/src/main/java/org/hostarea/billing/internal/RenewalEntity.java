package org.hostarea.billing.internal;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * A package's term that was billed: the unique (package, period start) makes "once per package and period" a
 * fact of the database, whatever runs at once. Fulfilled once its invoice is paid and the package renewed.
 */
@Entity
@Table(name = "HA_RENEWAL", uniqueConstraints = @UniqueConstraint(name = "UQ_RENEWAL_PERIOD", columnNames = {"PACKAGE_ID", "PERIOD_START"}),
        indexes = {@Index(name = "IX_RENEWAL_INVOICE", columnList = "INVOICE_ID"),
                @Index(name = "IX_RENEWAL_OPEN", columnList = "FULFILLED_AT, ACCOUNT_ID")})
public class RenewalEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PACKAGE_ID", length = 36, nullable = false)
    private String packageId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "PERIOD_START", nullable = false)
    private LocalDate periodStart;

    @Column(name = "PERIOD_END", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "INVOICE_ID", length = 36, nullable = false)
    private String invoiceId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** When the paid term was handed to the package (its due date moved); {@code null} until then. */
    @Column(name = "FULFILLED_AT")
    private Long fulfilledAt;

    protected RenewalEntity() {
    }

    RenewalEntity(String id, String packageId, String accountId, LocalDate periodStart, LocalDate periodEnd, String invoiceId, Instant now) {
        this.id = id;
        this.packageId = packageId;
        this.accountId = accountId;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.invoiceId = invoiceId;
        this.createdAt = now.toEpochMilli();
    }

    String id() {
        return id;
    }

    String packageId() {
        return packageId;
    }

    LocalDate periodStart() {
        return periodStart;
    }

    LocalDate periodEnd() {
        return periodEnd;
    }

    String invoiceId() {
        return invoiceId;
    }

    boolean fulfilled() {
        return fulfilledAt != null;
    }

    void fulfil(Instant now) {
        this.fulfilledAt = now.toEpochMilli();
    }
}
