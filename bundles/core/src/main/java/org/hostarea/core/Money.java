package org.hostarea.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. The amount always carries the currency's number of minor digits
 * (2 for EUR); arithmetic between different currencies is refused. {@link #ROUNDING} is the one rounding
 * rule of the product, used wherever a computed amount (tax, proration) must become payable money.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Commercial rounding: half away from zero, as on invoices. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /** At most this many digits before the decimal point (a quadrillion minus one). */
    public static final int MAX_INTEGER_DIGITS = 15;

    /**
     * @throws IllegalArgumentException if either part is missing, the amount has more decimals than
     *     the currency allows (12.345 EUR is not money; round it with {@link #rounded} first), or more than
     *     {@link #MAX_INTEGER_DIGITS} integer digits (checked first, so {@code 1e99999999} costs nothing)
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() != 0 && amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        int digits = minorDigits(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(
                    "amount " + amount.toPlainString() + " has more than " + digits + " decimals for " + currency);
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** Parses an amount and an ISO 4217 code, e.g. {@code Money.of("12.50", "EUR")}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds any computed value to payable money with {@link #ROUNDING}. */
    public static Money rounded(BigDecimal value, Currency currency) {
        if (value.signum() != 0 && value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        return new Money(value.setScale(minorDigits(currency), ROUNDING), currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** Multiplies by a factor (quantity, tax rate) and rounds once, with {@link #ROUNDING}. */
    public Money times(BigDecimal factor) {
        return rounded(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** @throws IllegalArgumentException if the currencies differ */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
        return other;
    }

    private static int minorDigits(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }
}
