package org.hostarea.packages;

import java.math.BigDecimal;

import org.hostarea.core.Money;

/** The price of one term of a plan in one billing cycle and currency, e.g. {@code ANNUAL, EUR, 59.88}. */
public record PlanPrice(BillingCycle cycle, String currency, BigDecimal amount) {

    public Money money() {
        return Money.of(amount, currency);
    }
}
