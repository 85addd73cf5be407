package org.hostarea.identity;

import org.hostarea.core.access.Subject;

import java.time.Instant;

/**
 * The result of a login: the bearer token (shown once, stored only as a hash) and the subject it
 * stands for.
 *
 * @param expiresAt the absolute end of the session, whatever the activity
 * @param idleExpiresAt when the session ends if it is not used before
 */
public record IssuedToken(String token, Instant expiresAt, Instant idleExpiresAt, Subject subject) {

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + ", subject=" + subject + "]";
    }
}
