package org.hostarea.packages;

import java.time.LocalDate;

import org.hostarea.core.Money;

/**
 * A package whose next term is due for billing.
 *
 * @param planCode the plan of the next term: a downgrade scheduled to take effect by {@code periodStart} is already in it
 * @param price what the next term costs on that plan, or {@code null} if the plan has no price in the package's cycle
 *     and currency (billing reports it instead of inventing one)
 * @param periodStart the current due date: the first day of the next term
 * @param periodEnd the first day after the next term
 */
public record RenewalDue(String packageId, String accountId, String label, PlanType type, String planCode, BillingCycle cycle,
        String currency, Money price, LocalDate periodStart, LocalDate periodEnd) {
}
