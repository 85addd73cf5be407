package org.hostarea.packages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hostarea.core.Money;

/**
 * A package of a customer account, as the account holder sees it.
 *
 * @param label the customer-visible name (e.g. the main domain)
 * @param price what one term costs (the plan's price for the package's cycle and currency)
 * @param nextDueDate the end of the current term: renewal, scheduled downgrades and cancellations happen then
 * @param suspendReasons why it is suspended (empty unless SUSPENDED)
 * @param scheduledChange a downgrade waiting for the end of the term, if any
 * @param cancellation a cancellation asked for, if any
 */
public record CustomerPackage(String id, String accountId, String label, String planCode, PlanType type, PackageStatus status,
        Set<SuspendReason> suspendReasons, LocalDate startDate, BillingCycle billingCycle, Money price, LocalDate nextDueDate,
        List<Domain> domains, List<Resource> resources, List<String> dedicatedIps, List<Certificate> certificates,
        List<InstalledApp> apps, Map<String, String> settings, PlanChange scheduledChange, Cancellation cancellation,
        Instant createdAt) {
}
