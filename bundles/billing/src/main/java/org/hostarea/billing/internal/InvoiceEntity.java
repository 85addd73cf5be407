package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.hostarea.billing.InvoiceKind;
import org.hostarea.billing.InvoiceStatus;

/**
 * An invoice. Its number is unique (a constraint, besides the locked sequence that hands numbers out).
 * Amounts are stored exactly; {@code amountPaid} only grows through payments and applied credit.
 */
@Entity
@Table(name = "HA_INVOICE", uniqueConstraints = {@UniqueConstraint(name = "UQ_INVOICE_NUMBER", columnNames = "NUMBER"),
        @UniqueConstraint(name = "UQ_INVOICE_SOURCE", columnNames = "SOURCE_KEY")},
        indexes = {@Index(name = "IX_INVOICE_ACCOUNT", columnList = "ACCOUNT_ID"), @Index(name = "IX_INVOICE_STATUS", columnList = "STATUS")})
public class InvoiceEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "NUMBER", length = 30)
    private String number;

    @Column(name = "SERIES", length = 10, nullable = false)
    private String series;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private InvoiceStatus status;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    @Column(name = "DUE_DAYS", nullable = false)
    private int dueDays;

    @Column(name = "ISSUE_DATE")
    private LocalDate issueDate;

    @Column(name = "DUE_DATE")
    private LocalDate dueDate;

    // lazy: a page of invoices reads the lines of all its invoices in one query (InvoiceServiceImpl.linesOf), not one
    // per invoice; batch fetching would do that too but breaks commits of element collections of embeddables
    // (eclipselink#921, InvoiceQueriesTest)
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "HA_INVOICE_LINE", joinColumns = @JoinColumn(name = "INVOICE_ID"))
    @OrderColumn(name = "POSITION")
    private List<InvoiceLineEmbeddable> lines = new ArrayList<>();

    @Column(name = "NET", precision = 19, scale = 4, nullable = false)
    private BigDecimal net;

    @Column(name = "TAX", precision = 19, scale = 4, nullable = false)
    private BigDecimal tax;

    @Column(name = "TOTAL", precision = 19, scale = 4, nullable = false)
    private BigDecimal total;

    @Column(name = "AMOUNT_PAID", precision = 19, scale = 4, nullable = false)
    private BigDecimal amountPaid = BigDecimal.ZERO;

    @Column(name = "AMOUNT_REFUNDED", precision = 19, scale = 4, nullable = false)
    private BigDecimal amountRefunded = BigDecimal.ZERO;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 16, nullable = false)
    private InvoiceKind kind = InvoiceKind.STANDARD;

    @Column(name = "CANCEL_REASON", length = 500)
    private String cancelReason;

    /** What caused it, when that must bill once only (e.g. {@code plan-change:<id>}); unique. */
    @Column(name = "SOURCE_KEY", length = 100)
    private String sourceKey;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY", length = 80, nullable = false)
    private String createdBy;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected InvoiceEntity() {
    }

    InvoiceEntity(String id, String accountId, InvoiceKind kind, String series, String currency, int dueDays,
            List<InvoiceLineEmbeddable> lines, Instant now, String actor) {
        this.id = id;
        this.kind = kind;
        this.accountId = accountId;
        this.series = series;
        this.status = InvoiceStatus.DRAFT;
        this.currency = currency;
        this.dueDays = dueDays;
        this.lines = new ArrayList<>(lines);
        this.net = lines.stream().map(InvoiceLineEmbeddable::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.tax = lines.stream().map(InvoiceLineEmbeddable::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.total = net.add(tax);
        this.createdAt = now.toEpochMilli();
        this.createdBy = actor;
    }

    String id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    String number() {
        return number;
    }

    /** The packages its lines bill, each once. */
    List<String> packageIds() {
        return lines.stream().map(InvoiceLineEmbeddable::packageId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    String series() {
        return series;
    }

    InvoiceStatus status() {
        return status;
    }

    String currency() {
        return currency;
    }

    LocalDate issueDate() {
        return issueDate;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    List<InvoiceLineEmbeddable> lines() {
        return lines;
    }

    BigDecimal net() {
        return net;
    }

    BigDecimal tax() {
        return tax;
    }

    BigDecimal total() {
        return total;
    }

    BigDecimal amountPaid() {
        return amountPaid;
    }

    BigDecimal amountDue() {
        return total.subtract(amountPaid);
    }

    void sourceKey(String key) {
        this.sourceKey = key;
    }

    InvoiceKind kind() {
        return kind;
    }

    BigDecimal amountRefunded() {
        return amountRefunded;
    }

    /** Gives back what was paid (outside Hostarea, or into the ledger): REFUNDED, with the reason if any. */
    void refund(String reason) {
        this.amountRefunded = amountRefunded.add(amountPaid);
        this.amountPaid = BigDecimal.ZERO;
        this.status = InvoiceStatus.REFUNDED;
        this.cancelReason = reason;
    }

    String cancelReason() {
        return cancelReason;
    }

    Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    void issue(String number, LocalDate today) {
        issue(number, today, today.plusDays(dueDays));
    }

    /** Issues it due on a given day (a renewal is due when the term starts). */
    void issue(String number, LocalDate today, LocalDate dueOn) {
        this.number = number;
        this.issueDate = today;
        this.dueDate = dueOn;
        this.status = total.signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.UNPAID;
    }

    /** Records a payment or applied credit; PAID once nothing is due. */
    void paid(BigDecimal amount) {
        this.amountPaid = amountPaid.add(amount);
        if (amountPaid.compareTo(total) >= 0) {
            status = InvoiceStatus.PAID;
        }
    }

    /** Takes back what credit paid (the credit went back to the ledger). */
    void reverse(BigDecimal amount) {
        this.amountPaid = amountPaid.subtract(amount);
    }

    void cancel(String reason) {
        this.status = InvoiceStatus.CANCELLED;
        this.cancelReason = reason;
    }
}
