package org.hostarea.billing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

import org.hostarea.billing.InvoiceLineInput;
import org.hostarea.billing.NewInvoice;
import org.hostarea.core.Money;
import org.hostarea.core.ValidationException;
import org.junit.jupiter.api.Test;

class InvoiceRulesTest {

    private static InvoiceLineInput line(String unit, String quantity, String rate) {
        return new InvoiceLineInput("Line", null, null, null, quantity == null ? null : new BigDecimal(quantity), new BigDecimal(unit),
                rate == null ? null : new BigDecimal(rate));
    }

    @Test
    void taxIsRoundedOncePerLineHalfUp() {
        InvoiceRules.Checked invoice = InvoiceRules.check(new NewInvoice("a", "EUR", null,
                List.of(line("0.50", null, "21"), line("3.33", "3", "10")), null));
        assertEquals(new BigDecimal("0.50"), invoice.lines().get(0).net());
        assertEquals(new BigDecimal("0.11"), invoice.lines().get(0).tax()); // 0.105 -> 0.11
        assertEquals(new BigDecimal("9.99"), invoice.lines().get(1).net());
        assertEquals(new BigDecimal("1.00"), invoice.lines().get(1).tax()); // 0.999 -> 1.00
        assertEquals(Money.of("0.00", "EUR"), InvoiceRules.tax(Money.of("0.04", "EUR"), new BigDecimal("10")));
        assertEquals(Money.of("0.01", "EUR"), InvoiceRules.tax(Money.of("0.05", "EUR"), new BigDecimal("10")));
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> InvoiceRules.check(new NewInvoice(null, "eur", "r1",
                List.of(line("-1", "0", "101")), -1)));
        List<String> fields = e.errors().stream().map(error -> error.field()).toList();
        for (String field : List.of("accountId", "currency", "series", "dueDays", "lines[0].quantity", "lines[0].taxRate")) {
            assertTrue(fields.contains(field), field + " in " + fields);
        }
        assertThrows(ValidationException.class, () -> InvoiceRules.check(new NewInvoice("a", "EUR", null, List.of(line("1.001", null, null)),
                null)));
        assertThrows(ValidationException.class, () -> InvoiceRules.check(new NewInvoice("a", "EUR", null, List.of(), null)));
    }

    @Test
    void amountsTooLargeForMoneyAreFieldErrorsNotCrashes() {
        ValidationException line = assertThrows(ValidationException.class, () -> InvoiceRules.check(new NewInvoice("a", "EUR", null,
                List.of(line("999999999999999.99", "1000000", "0")), null)));
        assertEquals("lines[0].unitPrice", line.errors().get(0).field());
        InvoiceLineInput big = line("600000000000000.00", null, "0");
        ValidationException total = assertThrows(ValidationException.class, () -> InvoiceRules.check(new NewInvoice("a", "EUR", null,
                List.of(big, big), null)));
        assertEquals("lines", total.errors().get(0).field());
    }

    @Property
    void totalsAreExactSumsOfRoundedLines(@ForAll @BigRange(min = "0", max = "99999") @Scale(2) BigDecimal unit,
            @ForAll @BigRange(min = "0.0001", max = "1000") @Scale(4) BigDecimal quantity,
            @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal rate) {
        InvoiceRules.Checked invoice = InvoiceRules.check(new NewInvoice("a", "EUR", null,
                List.of(new InvoiceLineInput("x", null, null, null, quantity, unit, rate)), null));
        InvoiceLineEmbeddable line = invoice.lines().get(0);
        assertEquals(2, line.net().scale());
        assertEquals(2, line.tax().scale());
        BigDecimal exactNet = unit.multiply(quantity);
        assertTrue(line.net().subtract(exactNet).abs().compareTo(new BigDecimal("0.005")) <= 0);
        BigDecimal exactTax = line.net().multiply(rate).divide(BigDecimal.valueOf(100));
        assertTrue(line.tax().subtract(exactTax).abs().compareTo(new BigDecimal("0.005")) <= 0);
        assertTrue(line.tax().signum() >= 0);
    }
}
