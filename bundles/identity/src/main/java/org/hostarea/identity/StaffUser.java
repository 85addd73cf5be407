package org.hostarea.identity;

import org.hostarea.core.access.StaffRole;

import java.time.Instant;

/** A user of the provider's staff. */
public record StaffUser(String id, String username, String displayName, StaffRole role, Instant createdAt) {
}
