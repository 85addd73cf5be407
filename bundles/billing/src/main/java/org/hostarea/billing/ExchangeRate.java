package org.hostarea.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** A staff-maintained rate: one unit of {@code from} is {@code rate} units of {@code to}. */
public record ExchangeRate(String from, String to, BigDecimal rate, Instant updatedAt, String updatedBy) {
}
