package org.hostarea.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void carriesTheCurrencysMinorDigits() {
        assertEquals("12.50 EUR", Money.of("12.5", "EUR").toString());
        assertEquals("1000 JPY", Money.of("1000", "JPY").toString());
        assertEquals(Money.of("3.10", "EUR"), Money.of("3.1", "EUR"));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("12.345", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.5", "JPY"));
        assertEquals(Money.of("12.35", "EUR"), Money.rounded(new BigDecimal("12.345"), EUR));
        assertEquals(Money.of("-12.35", "EUR"), Money.rounded(new BigDecimal("-12.345"), EUR), "half away from zero");
    }

    @Test
    void refusesAbsurdMagnitudesBeforeExpandingThem() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1e99999999", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.rounded(new BigDecimal("1e99999999"), EUR));
        assertEquals("999999999999999.99 EUR", Money.of("999999999999999.99", "EUR").toString());
        assertThrows(IllegalArgumentException.class, () -> Money.of("1000000000000000", "EUR"));
    }

    @Test
    void refusesMixingCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EUR").compareTo(Money.of("1", "USD")));
    }

    @Test
    void multipliesWithOneRounding() {
        // 19 % VAT on 9.99: 1.8981 -> 1.90
        assertEquals(Money.of("1.90", "EUR"), Money.of("9.99", "EUR").times(new BigDecimal("0.19")));
        assertEquals(Money.of("29.97", "EUR"), Money.of("9.99", "EUR").times(new BigDecimal("3")));
    }

    @Property
    void additionIsExactAndReversible(@ForAll @Scale(2) @BigRange(min = "-1000000", max = "1000000") BigDecimal a,
            @ForAll @Scale(2) @BigRange(min = "-1000000", max = "1000000") BigDecimal b) {
        Money x = new Money(a, EUR);
        Money y = new Money(b, EUR);
        assertEquals(x, x.plus(y).minus(y));
        assertEquals(x.plus(y), y.plus(x));
        assertEquals(0, x.plus(y).amount().compareTo(a.add(b)));
    }

    @Property
    void roundingNeverMovesMoreThanHalfACent(@ForAll @Scale(6) @BigRange(min = "-1000000", max = "1000000") BigDecimal value) {
        Money rounded = Money.rounded(value, EUR);
        assertTrue(rounded.amount().subtract(value).abs().compareTo(new BigDecimal("0.005")) <= 0);
        assertEquals(2, rounded.amount().scale());
    }
}
