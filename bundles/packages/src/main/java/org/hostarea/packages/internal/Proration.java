package org.hostarea.packages.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.hostarea.core.Money;
import org.hostarea.packages.BillingCycle;

/**
 * The prorated charge of an upgrade: the difference of the two plans' term prices times the share of the
 * current term still to run, counted in days, rounded once with {@link Money#ROUNDING}. Never negative:
 * moving to a cheaper plan at once charges nothing.
 */
final class Proration {

    private Proration() {
    }

    /**
     * @param termEnd the end of the current term (the package's next due date)
     * @param today the day the upgrade takes effect
     */
    static Money charge(Money oldPrice, Money newPrice, BillingCycle cycle, LocalDate termEnd, LocalDate today) {
        if (!oldPrice.currency().equals(newPrice.currency())) {
            throw new IllegalArgumentException("prices in different currencies");
        }
        LocalDate termStart = termEnd.minusMonths(cycle.months());
        long total = ChronoUnit.DAYS.between(termStart, termEnd);
        long left = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(today, termEnd)));
        BigDecimal difference = newPrice.amount().subtract(oldPrice.amount());
        if (difference.signum() <= 0 || left == 0) {
            return Money.zero(oldPrice.currency());
        }
        BigDecimal share = difference.multiply(BigDecimal.valueOf(left)).divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_UP);
        return Money.rounded(share, oldPrice.currency());
    }
}
