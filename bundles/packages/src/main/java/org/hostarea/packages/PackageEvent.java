package org.hostarea.packages;

import java.time.Instant;

/**
 * Something that happened to a package, stored in the transaction of the change itself.
 *
 * @param from the status before, {@code to} the status after (equal if the status did not change)
 * @param detail e.g. the suspend reason or the plan codes of a change
 * @param actor who did it ({@code account:<id>}, {@code user:<id>}, {@code staff:<id>}, {@code system})
 */
public record PackageEvent(String id, String packageId, String accountId, PackageEventType type, PackageStatus from,
        PackageStatus to, String detail, String actor, Instant at) {
}
