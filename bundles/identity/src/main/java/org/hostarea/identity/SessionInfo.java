package org.hostarea.identity;

import java.time.Instant;

/** One live session of the caller, for the "where am I logged in" list. */
public record SessionInfo(String id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String remoteAddress,
        String userAgent, boolean current) {
}
