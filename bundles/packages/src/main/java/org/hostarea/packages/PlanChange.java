package org.hostarea.packages;

import java.time.Instant;
import java.time.LocalDate;

import org.hostarea.core.Money;

/**
 * A change of a package's plan.
 *
 * @param effectiveOn the day it takes effect (today for an upgrade, the end of the term for a downgrade)
 * @param proratedCharge for an upgrade: the price difference for what is left of the term; {@code null} otherwise
 */
public record PlanChange(String id, String packageId, PlanChangeKind kind, String fromPlan, String toPlan,
        PlanChangeStatus status, LocalDate effectiveOn, Money proratedCharge, ChargeStatus chargeStatus,
        Instant requestedAt, String requestedBy) {
}
