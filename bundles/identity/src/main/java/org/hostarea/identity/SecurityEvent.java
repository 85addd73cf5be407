package org.hostarea.identity;

import java.time.Instant;

/**
 * One entry of the security audit log: logins, failures, lockouts, password and email changes,
 * permission changes.
 *
 * @param type e.g. {@code LOGIN}, {@code LOGIN_FAILED}, {@code LOCKED}, {@code PASSWORD_CHANGED}
 * @param actor who did it: {@code account:<id>}, {@code staff:<id>}, or the login that was tried
 */
public record SecurityEvent(String id, Instant at, String type, String accountId, String actor, String remoteAddress,
        String detail) {
}
