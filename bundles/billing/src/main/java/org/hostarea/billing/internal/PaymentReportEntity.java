package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.hostarea.billing.PaymentReport;
import org.hostarea.billing.PaymentReportStatus;
import org.hostarea.core.Money;

/** An offline payment report; decided once, under a lock of this row. */
@Entity
@Table(name = "HA_PAYMENT_REPORT",
        uniqueConstraints = @UniqueConstraint(name = "UQ_PAYMENT_REPORT_RECEIPT", columnNames = {"ACCOUNT_ID", "RECEIPT_NUMBER"}),
        indexes = {@Index(name = "IX_PAYMENT_REPORT_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_PAYMENT_REPORT_STATUS", columnList = "STATUS")})
public class PaymentReportEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    /** Comma-separated invoice ids, in the customer's order. */
    @Column(name = "INVOICE_IDS", length = 800, nullable = false)
    private String invoiceIds;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    @Column(name = "PAID_ON", nullable = false)
    private LocalDate paidOn;

    @Column(name = "BRANCH", length = 100)
    private String branch;

    @Column(name = "RECEIPT_NUMBER", length = 60, nullable = false)
    private String receiptNumber;

    @Column(name = "NOTE", length = 500)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private PaymentReportStatus status;

    @Column(name = "REJECT_REASON", length = 500)
    private String rejectReason;

    @Column(name = "PAYMENT_ID", length = 36)
    private String paymentId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "DECIDED_AT")
    private Long decidedAt;

    @Column(name = "DECIDED_BY", length = 80)
    private String decidedBy;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected PaymentReportEntity() {
    }

    PaymentReportEntity(String id, String accountId, List<String> invoiceIds, Money amount, LocalDate paidOn, String branch,
            String receiptNumber, String note, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.invoiceIds = String.join(",", invoiceIds);
        this.currency = amount.currency().getCurrencyCode();
        this.amount = amount.amount();
        this.paidOn = paidOn;
        this.branch = branch;
        this.receiptNumber = receiptNumber;
        this.note = note;
        this.status = PaymentReportStatus.SUBMITTED;
        this.createdAt = now.toEpochMilli();
    }

    String accountId() {
        return accountId;
    }

    List<String> invoiceIds() {
        return Arrays.asList(invoiceIds.split(","));
    }

    Money amount() {
        return Money.of(amount, currency);
    }

    String receiptNumber() {
        return receiptNumber;
    }

    PaymentReportStatus status() {
        return status;
    }

    void confirmed(String paymentId, Instant now, String actor) {
        this.status = PaymentReportStatus.CONFIRMED;
        this.paymentId = paymentId;
        this.decidedAt = now.toEpochMilli();
        this.decidedBy = actor;
    }

    void rejected(String reason, Instant now, String actor) {
        this.status = PaymentReportStatus.REJECTED;
        this.rejectReason = reason;
        this.decidedAt = now.toEpochMilli();
        this.decidedBy = actor;
    }

    PaymentReport toDto() {
        return new PaymentReport(id, accountId, invoiceIds(), amount(), paidOn, branch, receiptNumber, note, status, rejectReason,
                paymentId, Instant.ofEpochMilli(createdAt), decidedAt == null ? null : Instant.ofEpochMilli(decidedAt));
    }
}
