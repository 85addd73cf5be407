package org.hostarea.billing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import org.hostarea.billing.InvoiceLineInput;
import org.hostarea.billing.NewInvoice;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.Money;
import org.hostarea.core.ValidationException;

/**
 * The shape of an invoice and the one rounding rule: per line, net = quantity × unit price and tax = net ×
 * rate / 100, each rounded once to the currency's minor unit with {@link Money#ROUNDING}; totals are exact
 * sums of the rounded line amounts.
 */
final class InvoiceRules {

    static final int MAX_LINES = 200;
    private static final Pattern SERIES = Pattern.compile("[A-Z]{1,5}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceRules() {
    }

    /** A checked invoice: its currency and lines with their amounts. */
    record Checked(String accountId, Currency currency, String series, List<InvoiceLineEmbeddable> lines, Integer dueDays) {
    }

    static Checked check(NewInvoice input) {
        NewInvoice invoice = ValidationException.requireBody(input);
        FieldChecks checks = new FieldChecks();
        String accountId = checks.text("accountId", invoice.accountId(), 36);
        Currency currency = checks.currency("currency", invoice.currency());
        String series = checks.optionalText("series", invoice.series(), 5);
        if (series != null && !SERIES.matcher(series).matches()) {
            checks.reject("series", "must be 1 to 5 upper-case letters");
        }
        if (invoice.dueDays() != null && (invoice.dueDays() < 0 || invoice.dueDays() > 365)) {
            checks.reject("dueDays", "must be between 0 and 365");
        }
        List<InvoiceLineEmbeddable> lines = new ArrayList<>();
        List<InvoiceLineInput> given = invoice.lines() == null ? List.of() : invoice.lines();
        if (given.isEmpty() || given.size() > MAX_LINES) {
            checks.reject("lines", "must have 1 to " + MAX_LINES + " lines");
        } else {
            for (int i = 0; i < given.size(); i++) {
                InvoiceLineEmbeddable line = line(checks, "lines[" + i + "]", given.get(i), currency);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        if (!checks.hasErrors()) {
            try {
                Money total = Money.zero(currency);
                for (InvoiceLineEmbeddable line : lines) {
                    total = total.plus(Money.of(line.net(), currency.getCurrencyCode())).plus(Money.of(line.tax(), currency.getCurrencyCode()));
                }
            } catch (IllegalArgumentException e) {
                checks.reject("lines", "make the total too large");
            }
        }
        checks.throwIfAny();
        return new Checked(accountId, currency, series == null ? "" : series, lines, invoice.dueDays());
    }

    private static InvoiceLineEmbeddable line(FieldChecks checks, String field, InvoiceLineInput line, Currency currency) {
        if (line == null) {
            checks.reject(field, "is required");
            return null;
        }
        String description = checks.text(field + ".description", line.description(), 500);
        String packageId = checks.optionalText(field + ".packageId", line.packageId(), 36);
        if ((line.periodStart() == null) != (line.periodEnd() == null)
                || line.periodStart() != null && line.periodEnd().isBefore(line.periodStart())) {
            checks.reject(field + ".periodEnd", "must be given with periodStart and not before it");
        }
        BigDecimal quantity = line.quantity() == null ? BigDecimal.ONE : line.quantity();
        if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 4 || quantity.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            checks.reject(field + ".quantity", "must be more than 0, at most 1000000, with at most 4 decimals");
        }
        BigDecimal rate = line.taxRate() == null ? BigDecimal.ZERO : line.taxRate();
        if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0 || rate.stripTrailingZeros().scale() > 2) {
            checks.reject(field + ".taxRate", "must be a percentage from 0 to 100 with at most 2 decimals");
        }
        Money unit = null;
        if (line.unitPrice() == null) {
            checks.reject(field + ".unitPrice", "is required");
        } else if (currency != null) {
            try {
                unit = new Money(line.unitPrice(), currency);
                if (unit.isNegative()) {
                    checks.reject(field + ".unitPrice", "must not be negative");
                }
            } catch (IllegalArgumentException e) {
                checks.reject(field + ".unitPrice", "must be an amount in " + currency + " (at most "
                        + currency.getDefaultFractionDigits() + " decimals)");
            }
        }
        if (checks.hasErrors() || unit == null) {
            return null;
        }
        Money net;
        Money tax;
        try {
            net = Money.rounded(quantity.multiply(unit.amount()), currency);
            tax = tax(net, rate);
            net.plus(tax);
        } catch (IllegalArgumentException e) {
            checks.reject(field + ".unitPrice", "makes the line amount too large");
            return null;
        }
        return new InvoiceLineEmbeddable(description, packageId, line.periodStart(), line.periodEnd(), quantity, unit.amount(),
                rate.setScale(2), net.amount(), tax.amount());
    }

    /** The tax of a net amount at a rate in percent: the one place tax is rounded. */
    static Money tax(Money net, BigDecimal ratePercent) {
        return Money.rounded(net.amount().multiply(ratePercent).divide(HUNDRED), net.currency());
    }

    /** A positive amount in the currency, or {@code null} after recording the error. */
    static Money positive(FieldChecks checks, String field, BigDecimal amount, Currency currency) {
        if (amount == null) {
            checks.reject(field, "is required");
            return null;
        }
        try {
            Money money = new Money(amount, currency);
            if (!money.isPositive()) {
                checks.reject(field, "must be more than 0");
                return null;
            }
            return money;
        } catch (IllegalArgumentException e) {
            checks.reject(field, "must be an amount in " + currency + " (at most " + currency.getDefaultFractionDigits() + " decimals)");
            return null;
        }
    }
}
