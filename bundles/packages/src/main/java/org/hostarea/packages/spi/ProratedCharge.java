package org.hostarea.packages.spi;

import java.time.LocalDate;

import org.hostarea.core.Money;

/**
 * The charge of an upgrade: the price difference of the two plans for the days left of the current term.
 *
 * @param planChangeId unique per charge: the key billing makes its invoice idempotent with
 * @param periodStart the day the upgrade took effect; {@code periodEnd} the end of the term
 */
public record ProratedCharge(String planChangeId, String packageId, String accountId, String fromPlan, String toPlan,
        LocalDate periodStart, LocalDate periodEnd, Money amount) {
}
