package org.hostarea.packages;

import java.time.Instant;
import java.time.LocalDate;

/** A cancellation the customer asked for; revocable until {@code effectiveOn}. */
public record Cancellation(CancellationMode mode, LocalDate effectiveOn, String reason, Instant requestedAt, String requestedBy) {
}
