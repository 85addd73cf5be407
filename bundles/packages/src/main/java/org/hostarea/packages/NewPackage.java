package org.hostarea.packages;

import java.time.LocalDate;
import java.util.List;

/**
 * A package as staff create it.
 *
 * @param startDate default today; the first term ends {@code billingCycle} months later
 * @param domains its domains (each unique across the system)
 * @param domainExpiresOn for DOMAIN packages: when the registration ends (default: the end of the first term)
 * @param pending create it PENDING instead of ACTIVE
 * @param nextDueDate optional, for packages taken over from elsewhere: the day the next unpaid term starts (billing
 *     bills from it); default: the end of the first term, or for a start in the past the first term boundary after today
 *     (terms before today are taken as settled)
 */
public record NewPackage(String accountId, String planCode, BillingCycle billingCycle, String currency, LocalDate startDate,
        String label, List<String> domains, LocalDate domainExpiresOn, Boolean pending, LocalDate nextDueDate) {
}
