package org.hostarea.billing.internal;

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

import org.hostarea.billing.BankEntry;
import org.hostarea.billing.BankEntryStatus;
import org.hostarea.core.Money;

/**
 * A bank statement line taken; {@code ENTRY_KEY} (a hash of the account and the bank's reference of the line)
 * is unique, so importing a statement again records nothing twice.
 */
@Entity
@Table(name = "HA_BANK_ENTRY", uniqueConstraints = @UniqueConstraint(name = "UQ_BANK_ENTRY_KEY", columnNames = "ENTRY_KEY"),
        indexes = @Index(name = "IX_BANK_ENTRY_STATUS", columnList = "STATUS"))
public class BankEntryEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ENTRY_KEY", length = 64, nullable = false)
    private String entryKey;

    @Column(name = "STATEMENT_ID", length = 100)
    private String statementId;

    @Column(name = "BOOKING_DATE")
    private LocalDate bookingDate;

    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    @Column(name = "DEBTOR", length = 140)
    private String debtor;

    @Column(name = "REFERENCE", length = 500)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private BankEntryStatus status;

    @Column(name = "PAYMENT_ID", length = 36)
    private String paymentId;

    @Column(name = "NOTE", length = 300)
    private String note;

    @Column(name = "IMPORTED_AT", nullable = false)
    private long importedAt;

    protected BankEntryEntity() {
    }

    BankEntryEntity(String id, String entryKey, CamtStatement.Line line, String statementId, BankEntryStatus status, String paymentId,
            String note, Instant now) {
        this.id = id;
        this.entryKey = entryKey;
        this.statementId = cut(statementId, 100);
        this.bookingDate = line.bookingDate();
        this.amount = line.amount().amount();
        this.currency = line.amount().currency().getCurrencyCode();
        this.debtor = cut(line.debtor(), 140);
        this.reference = cut(line.reference(), 500);
        this.status = status;
        this.paymentId = paymentId;
        this.note = cut(note, 300);
        this.importedAt = now.toEpochMilli();
    }

    void recorded(String paymentId) {
        this.paymentId = paymentId;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    BankEntry toDto() {
        return new BankEntry(id, statementId, bookingDate, Money.of(amount, currency), debtor, reference, status, paymentId, note,
                Instant.ofEpochMilli(importedAt));
    }
}
