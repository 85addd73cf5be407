package org.hostarea.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.hostarea.core.Money;

/** A line with its amounts: {@code net} = quantity × unit price, {@code tax} = net × rate, each rounded once. */
public record InvoiceLine(String description, String packageId, LocalDate periodStart, LocalDate periodEnd, BigDecimal quantity,
        Money unitPrice, BigDecimal taxRate, Money net, Money tax, Money gross) {
}
