package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.hostarea.billing.ExchangeRate;

/** A staff-maintained exchange rate, {@code id} = {@code FROM:TO}. */
@Entity
@Table(name = "HA_EXCHANGE_RATE")
public class ExchangeRateEntity {

    @Id
    @Column(name = "ID", length = 7)
    private String id;

    @Column(name = "RATE", precision = 19, scale = 8, nullable = false)
    private BigDecimal rate;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    @Column(name = "UPDATED_BY", length = 80, nullable = false)
    private String updatedBy;

    protected ExchangeRateEntity() {
    }

    ExchangeRateEntity(String from, String to) {
        this.id = from + ":" + to;
    }

    void set(BigDecimal rate, Instant now, String actor) {
        this.rate = rate;
        this.updatedAt = now.toEpochMilli();
        this.updatedBy = actor;
    }

    BigDecimal rate() {
        return rate.stripTrailingZeros();
    }

    ExchangeRate toDto() {
        return new ExchangeRate(id.substring(0, 3), id.substring(4), rate(), Instant.ofEpochMilli(updatedAt), updatedBy);
    }
}
