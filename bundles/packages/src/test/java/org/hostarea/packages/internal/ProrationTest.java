package org.hostarea.packages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import org.hostarea.core.Money;
import org.hostarea.packages.BillingCycle;
import org.junit.jupiter.api.Test;

class ProrationTest {

    private static final LocalDate END = LocalDate.of(2027, 1, 1);

    @Test
    void chargesTheDifferenceForTheDaysLeftOfTheTerm() {
        // 2026-01-01 .. 2027-01-01 is 365 days; 73 left is a fifth
        assertEquals(Money.of("24.00", "EUR"), Proration.charge(Money.of("120.00", "EUR"), Money.of("240.00", "EUR"),
                BillingCycle.ANNUAL, END, END.minusDays(73)));
        assertEquals(Money.of("120.00", "EUR"), Proration.charge(Money.of("120.00", "EUR"), Money.of("240.00", "EUR"),
                BillingCycle.ANNUAL, END, END.minusYears(1)));
    }

    @Test
    void roundsOnceHalfUp() {
        // 10.00 * 1/31 = 0.3225... -> 0.32; 10.00 * 16/31 = 5.1612... -> 5.16
        assertEquals(Money.of("0.32", "EUR"), Proration.charge(Money.of("0.00", "EUR"), Money.of("10.00", "EUR"),
                BillingCycle.MONTHLY, END, END.minusDays(1)));
        assertEquals(Money.of("5.16", "EUR"), Proration.charge(Money.of("0.00", "EUR"), Money.of("10.00", "EUR"),
                BillingCycle.MONTHLY, END, END.minusDays(16)));
    }

    @Test
    void nothingToChargeForACheaperPlanOrAnEndedTerm() {
        assertTrue(Proration.charge(Money.of("20.00", "EUR"), Money.of("10.00", "EUR"), BillingCycle.MONTHLY, END,
                END.minusDays(10)).isZero());
        assertTrue(Proration.charge(Money.of("10.00", "EUR"), Money.of("20.00", "EUR"), BillingCycle.MONTHLY, END, END).isZero());
        assertTrue(Proration.charge(Money.of("10.00", "EUR"), Money.of("20.00", "EUR"), BillingCycle.MONTHLY, END,
                END.plusDays(3)).isZero());
        assertThrows(IllegalArgumentException.class, () -> Proration.charge(Money.of("10.00", "EUR"), Money.of("20.00", "USD"),
                BillingCycle.MONTHLY, END, END.minusDays(3)));
    }

    @Property
    void neverNegativeNeverMoreThanTheDifference(@ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal oldPrice,
            @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal newPrice, @ForAll @IntRange(min = -10, max = 800) int daysLeft,
            @ForAll BillingCycle cycle) {
        Money charge = Proration.charge(Money.of(oldPrice, "EUR"), Money.of(newPrice, "EUR"), cycle, END, END.minusDays(daysLeft));
        assertTrue(charge.amount().signum() >= 0);
        assertTrue(charge.amount().compareTo(newPrice.subtract(oldPrice).max(BigDecimal.ZERO).setScale(2)) <= 0);
    }
}
