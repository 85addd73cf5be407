package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
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
import javax.persistence.Version;

import org.hostarea.billing.Payment;
import org.hostarea.billing.PaymentAllocation;
import org.hostarea.billing.PaymentStatus;
import org.hostarea.billing.spi.PaymentResult;
import org.hostarea.core.Money;

/** A payment; stored before its gateway is called, its outcome applied once under a lock of this row. */
@Entity
@Table(name = "HA_PAYMENT", indexes = {@Index(name = "IX_PAYMENT_ACCOUNT", columnList = "ACCOUNT_ID"),
        @Index(name = "IX_PAYMENT_STATUS", columnList = "STATUS")})
public class PaymentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "GATEWAY", length = 40, nullable = false)
    private String gateway;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private PaymentStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "HA_PAYMENT_ALLOCATION", joinColumns = @JoinColumn(name = "PAYMENT_ID"))
    @OrderColumn(name = "POSITION")
    private List<PaymentAllocationEmbeddable> allocations = new ArrayList<>();

    @Column(name = "PROVIDER_REFERENCE", length = 200)
    private String providerReference;

    @Column(name = "REDIRECT_URL", length = 1000)
    private String redirectUrl;

    @Column(name = "INSTRUCTIONS", length = 2000)
    private String instructions;

    @Column(name = "MESSAGE", length = 500)
    private String message;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "COMPLETED_AT")
    private Long completedAt;

    /** For a gateway that settles in another currency: what it was asked for, and the rate used. */
    @Column(name = "CHARGED_AMOUNT", precision = 19, scale = 4)
    private BigDecimal chargedAmount;

    @Column(name = "CHARGED_CURRENCY", length = 3)
    private String chargedCurrency;

    @Column(name = "EXCHANGE_RATE", precision = 19, scale = 8)
    private BigDecimal exchangeRate;

    /** Whether the gateway has answered at least once (a start still running is not reconciled). */
    @Column(name = "ANSWERED", nullable = false)
    private boolean answered;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected PaymentEntity() {
    }

    PaymentEntity(String id, String accountId, String gateway, Money amount, List<PaymentAllocationEmbeddable> allocations, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.gateway = gateway;
        this.currency = amount.currency().getCurrencyCode();
        this.amount = amount.amount();
        this.status = PaymentStatus.PENDING;
        this.allocations = new ArrayList<>(allocations);
        this.createdAt = now.toEpochMilli();
    }

    void converted(Money charged, BigDecimal rate) {
        this.chargedAmount = charged.amount();
        this.chargedCurrency = charged.currency().getCurrencyCode();
        this.exchangeRate = rate;
    }

    String id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    String gateway() {
        return gateway;
    }

    String currency() {
        return currency;
    }

    Money amount() {
        return Money.of(amount, currency);
    }

    PaymentStatus status() {
        return status;
    }

    String providerReference() {
        return providerReference;
    }

    List<PaymentAllocationEmbeddable> allocations() {
        return allocations;
    }

    /** Takes what a gateway answered (never turning a final status back). */
    void result(PaymentStatus next, PaymentResult result, Instant now) {
        this.status = next;
        this.answered = true;
        if (result.providerReference() != null) {
            this.providerReference = cut(result.providerReference(), 200);
        }
        if (result.redirectUrl() != null) {
            this.redirectUrl = cut(result.redirectUrl(), 1000);
        }
        if (result.instructions() != null) {
            this.instructions = cut(result.instructions(), 2000);
        }
        this.message = cut(result.message(), 500);
        if (next == PaymentStatus.COMPLETED) {
            this.completedAt = now.toEpochMilli();
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    Payment toDto() {
        return toDto(status, message);
    }

    Payment toDto(PaymentStatus shownStatus, String shownMessage) {
        return new Payment(id, accountId, gateway, amount(), shownStatus, allocations.stream()
                .map(a -> new PaymentAllocation(a.invoiceId(), a.invoiceNumber(), Money.of(a.amount(), currency))).toList(),
                providerReference, redirectUrl, instructions, shownMessage, Instant.ofEpochMilli(createdAt),
                completedAt == null ? null : Instant.ofEpochMilli(completedAt),
                chargedAmount == null ? null : Money.of(chargedAmount, chargedCurrency),
                exchangeRate == null ? null : exchangeRate.stripTrailingZeros());
    }
}
