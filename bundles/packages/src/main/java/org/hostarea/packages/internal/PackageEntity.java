package org.hostarea.packages.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import org.hostarea.packages.BillingCycle;
import org.hostarea.packages.Cancellation;
import org.hostarea.packages.CancellationMode;
import org.hostarea.packages.Certificate;
import org.hostarea.packages.PackageStatus;
import org.hostarea.packages.PlanType;
import org.hostarea.packages.SuspendReason;

/**
 * A customer's package. Its status follows its suspend reasons: a live package with at least one reason is
 * SUSPENDED, with none ACTIVE. Settings, usage, IPs and certificates are element collections; domains, apps,
 * plan changes and events are entities of their own that name the package.
 */
@Entity
@Table(name = "HA_PACKAGE", indexes = {@Index(name = "IX_PACKAGE_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_PACKAGE_ACCOUNT_ID", columnList = "ACCOUNT_ID, ID"),
        @Index(name = "IX_PACKAGE_STATUS", columnList = "STATUS")})
public class PackageEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "LABEL", length = 100, nullable = false)
    private String label;

    @Column(name = "PLAN_CODE", length = 40, nullable = false)
    private String planCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "PLAN_TYPE", length = 16, nullable = false)
    private PlanType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private PackageStatus status;

    /** Comma-separated {@link SuspendReason}s, empty for none. */
    @Column(name = "SUSPEND_REASONS", length = 100, nullable = false)
    private String suspendReasons = "";

    @Column(name = "START_DATE", nullable = false)
    private LocalDate startDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "BILLING_CYCLE", length = 16, nullable = false)
    private BillingCycle billingCycle;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    @Column(name = "NEXT_DUE_DATE", nullable = false)
    private LocalDate nextDueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "CANCEL_MODE", length = 16)
    private CancellationMode cancelMode;

    @Column(name = "CANCEL_ON")
    private LocalDate cancelOn;

    @Column(name = "CANCEL_REASON", length = 500)
    private String cancelReason;

    @Column(name = "CANCEL_REQUESTED_AT")
    private Long cancelRequestedAt;

    @Column(name = "CANCEL_REQUESTED_BY", length = 80)
    private String cancelRequestedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN) // one query for the collections of a whole page, not one per row
    @CollectionTable(name = "HA_PACKAGE_SETTING", joinColumns = @JoinColumn(name = "PACKAGE_ID"))
    @MapKeyColumn(name = "SETTING_KEY", length = 40)
    @Column(name = "SETTING_VALUE", length = 255, nullable = false)
    private Map<String, String> settings = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN) // one query for the collections of a whole page, not one per row
    @CollectionTable(name = "HA_PACKAGE_USAGE", joinColumns = @JoinColumn(name = "PACKAGE_ID"))
    @MapKeyColumn(name = "RESOURCE_NAME", length = 40)
    @Column(name = "USED", nullable = false)
    private Map<String, Long> usage = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN) // one query for the collections of a whole page, not one per row
    @CollectionTable(name = "HA_PACKAGE_IP", joinColumns = @JoinColumn(name = "PACKAGE_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "ADDRESS", length = 45, nullable = false)
    private List<String> dedicatedIps = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "HA_PACKAGE_CERTIFICATE", joinColumns = @JoinColumn(name = "PACKAGE_ID"))
    @OrderColumn(name = "POSITION")
    private List<CertificateEmbeddable> certificates = new ArrayList<>();

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected PackageEntity() {
    }

    PackageEntity(String id, String accountId, String label, PlanEntity plan, PackageStatus status, LocalDate startDate,
            BillingCycle billingCycle, String currency, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.label = label;
        this.planCode = plan.code();
        this.type = plan.type();
        this.status = status;
        this.startDate = startDate;
        this.billingCycle = billingCycle;
        this.currency = currency;
        this.nextDueDate = startDate.plusMonths(billingCycle.months());
        this.createdAt = now.toEpochMilli();
    }

    String id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    String label() {
        return label;
    }

    String planCode() {
        return planCode;
    }

    void planCode(String planCode) {
        this.planCode = planCode;
    }

    PlanType type() {
        return type;
    }

    PackageStatus status() {
        return status;
    }

    void status(PackageStatus status) {
        this.status = status;
    }

    LocalDate startDate() {
        return startDate;
    }

    BillingCycle billingCycle() {
        return billingCycle;
    }

    String currency() {
        return currency;
    }

    LocalDate nextDueDate() {
        return nextDueDate;
    }

    /** The term starting at the due date is paid: the next one is due at {@code next}. */
    void nextDueDate(LocalDate next) {
        this.nextDueDate = next;
    }

    /**
     * The end of the term running on {@code today}: the next due date, or, while nothing has renewed the
     * package past it yet (billing moves the due date), the next term boundary after today.
     */
    LocalDate termEnd(LocalDate today) {
        LocalDate end = nextDueDate;
        while (!end.isAfter(today)) {
            end = followingBoundary(end);
        }
        return end;
    }

    /**
     * The term boundary after {@code boundary}: counted from the start date while the boundary is on its rhythm, so
     * that month ends do not drift (31 Jan, 28 Feb, 31 Mar, not 28 Mar); one cycle later otherwise.
     */
    LocalDate followingBoundary(LocalDate boundary) {
        int months = billingCycle.months();
        long elapsed = ChronoUnit.MONTHS.between(YearMonth.from(startDate), YearMonth.from(boundary));
        return startDate.plusMonths(elapsed).equals(boundary) ? startDate.plusMonths(elapsed + months) : boundary.plusMonths(months);
    }

    Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    Set<SuspendReason> suspendReasons() {
        return suspendReasons.isEmpty() ? EnumSet.noneOf(SuspendReason.class)
                : Arrays.stream(suspendReasons.split(",")).map(SuspendReason::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SuspendReason.class)));
    }

    /** Sets the reasons and, for a live package, the status that follows from them. */
    void suspendReasons(Set<SuspendReason> reasons) {
        this.suspendReasons = reasons.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        if (status.live()) {
            status = reasons.isEmpty() ? PackageStatus.ACTIVE : PackageStatus.SUSPENDED;
        }
    }

    Map<String, String> settings() {
        return settings;
    }

    Map<String, Long> usage() {
        return usage;
    }

    List<String> dedicatedIps() {
        return dedicatedIps;
    }

    void dedicatedIps(List<String> addresses) {
        this.dedicatedIps = new ArrayList<>(addresses);
    }

    List<Certificate> certificates() {
        return certificates.stream().map(CertificateEmbeddable::toDto).toList();
    }

    void certificates(List<Certificate> replacement) {
        this.certificates = new ArrayList<>(replacement.stream().map(CertificateEmbeddable::new).toList());
    }

    Cancellation cancellation() {
        return cancelMode == null ? null : new Cancellation(cancelMode, cancelOn, cancelReason,
                Instant.ofEpochMilli(cancelRequestedAt), cancelRequestedBy);
    }

    void cancellation(CancellationMode mode, LocalDate on, String reason, Instant at, String by) {
        this.cancelMode = mode;
        this.cancelOn = on;
        this.cancelReason = reason;
        this.cancelRequestedAt = at == null ? null : at.toEpochMilli();
        this.cancelRequestedBy = by;
    }
}
