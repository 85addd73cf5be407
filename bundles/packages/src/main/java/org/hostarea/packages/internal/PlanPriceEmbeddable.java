package org.hostarea.packages.internal;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;

import org.hostarea.packages.BillingCycle;
import org.hostarea.packages.PlanPrice;

/** One price of a plan. */
@Embeddable
public class PlanPriceEmbeddable {

    @Enumerated(EnumType.STRING)
    @Column(name = "CYCLE", length = 16, nullable = false)
    private BillingCycle cycle;

    @Column(name = "CURRENCY", length = 3, nullable = false)
    private String currency;

    @Column(name = "AMOUNT", precision = 19, scale = 4, nullable = false)
    private BigDecimal amount;

    protected PlanPriceEmbeddable() {
    }

    PlanPriceEmbeddable(PlanPrice price) {
        this.cycle = price.cycle();
        this.currency = price.currency();
        this.amount = price.amount();
    }

    PlanPrice toDto() {
        PlanPrice raw = new PlanPrice(cycle, currency, amount);
        return new PlanPrice(cycle, currency, raw.money().amount());
    }
}
