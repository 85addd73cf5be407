package org.hostarea.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line as staff (or billing jobs) write it.
 *
 * @param packageId optional: the package the line bills
 * @param periodStart optional, with {@code periodEnd}: the period billed (both days included)
 * @param quantity more than zero, at most 4 decimals
 * @param unitPrice zero or more, at most the currency's decimals
 * @param taxRate percent, 0 to 100, at most 2 decimals (e.g. 21)
 */
public record InvoiceLineInput(String description, String packageId, LocalDate periodStart, LocalDate periodEnd,
        BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRate) {
}
