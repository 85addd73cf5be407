package org.hostarea.identity;

import java.time.Instant;

/**
 * A customer account as the API shows it.
 *
 * @param customerNumber the unique, human-friendly number the customer logs in with
 * @param hasPassword {@code false} until the customer has chosen a first password
 * @param mergedInto the customer number a CLOSED account was merged into, {@code null} otherwise
 */
public record Account(String id, String customerNumber, String ownerName, String email, String language,
        AccountStatus status, boolean hasPassword, Instant createdAt, String mergedInto) {
}
