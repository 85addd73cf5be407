package org.hostarea.packages;

import java.time.LocalDate;

/** A registered domain of a live package with its expiry, for renewal reminders and the hold rule. */
public record ExpiringDomain(String domainId, String name, String displayName, String packageId, String accountId,
        LocalDate expiresOn, DomainStatus status) {
}
