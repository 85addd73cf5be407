package org.hostarea.packages.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.hostarea.core.Money;
import org.hostarea.packages.ChargeStatus;
import org.hostarea.packages.PlanChange;
import org.hostarea.packages.PlanChangeKind;
import org.hostarea.packages.PlanChangeStatus;

/** A plan change. The idempotency key is unique per account: a replayed request finds the first change. */
@Entity
@Table(name = "HA_PLAN_CHANGE",
        uniqueConstraints = @UniqueConstraint(name = "UQ_PLAN_CHANGE_KEY", columnNames = {"ACCOUNT_ID", "IDEMPOTENCY_KEY"}),
        indexes = @Index(name = "IX_PLAN_CHANGE_PACKAGE", columnList = "PACKAGE_ID"))
public class PlanChangeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PACKAGE_ID", length = 36, nullable = false)
    private String packageId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 16, nullable = false)
    private PlanChangeKind kind;

    @Column(name = "FROM_PLAN", length = 40, nullable = false)
    private String fromPlan;

    @Column(name = "TO_PLAN", length = 40, nullable = false)
    private String toPlan;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private PlanChangeStatus status;

    @Column(name = "EFFECTIVE_ON", nullable = false)
    private LocalDate effectiveOn;

    @Column(name = "CHARGE_AMOUNT", precision = 19, scale = 4)
    private BigDecimal chargeAmount;

    @Column(name = "CHARGE_CURRENCY", length = 3)
    private String chargeCurrency;

    @Enumerated(EnumType.STRING)
    @Column(name = "CHARGE_STATUS", length = 16, nullable = false)
    private ChargeStatus chargeStatus;

    @Column(name = "REQUESTED_AT", nullable = false)
    private long requestedAt;

    @Column(name = "REQUESTED_BY", length = 80, nullable = false)
    private String requestedBy;

    @Column(name = "IDEMPOTENCY_KEY", length = 100)
    private String idempotencyKey;

    protected PlanChangeEntity() {
    }

    PlanChangeEntity(String id, PackageEntity pkg, PlanChangeKind kind, String toPlan, PlanChangeStatus status,
            LocalDate effectiveOn, Money charge, ChargeStatus chargeStatus, Instant now, String actor, String idempotencyKey) {
        this.id = id;
        this.packageId = pkg.id();
        this.accountId = pkg.accountId();
        this.kind = kind;
        this.fromPlan = pkg.planCode();
        this.toPlan = toPlan;
        this.status = status;
        this.effectiveOn = effectiveOn;
        this.chargeAmount = charge == null ? null : charge.amount();
        this.chargeCurrency = charge == null ? null : charge.currency().getCurrencyCode();
        this.chargeStatus = chargeStatus;
        this.requestedAt = now.toEpochMilli();
        this.requestedBy = actor;
        this.idempotencyKey = idempotencyKey;
    }

    String id() {
        return id;
    }

    String packageId() {
        return packageId;
    }

    String toPlan() {
        return toPlan;
    }

    PlanChangeStatus status() {
        return status;
    }

    void status(PlanChangeStatus status) {
        this.status = status;
    }

    void chargeStatus(ChargeStatus chargeStatus) {
        this.chargeStatus = chargeStatus;
    }

    PlanChange toDto() {
        Money charge = chargeAmount == null ? null : Money.of(chargeAmount, chargeCurrency);
        return new PlanChange(id, packageId, kind, fromPlan, toPlan, status, effectiveOn, charge, chargeStatus,
                Instant.ofEpochMilli(requestedAt), requestedBy);
    }
}
