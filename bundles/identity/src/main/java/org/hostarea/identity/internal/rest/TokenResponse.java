package org.hostarea.identity.internal.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.hostarea.identity.IssuedToken;
import org.hostarea.core.access.Subject;

/**
 * The answer to a login. {@code scope} says what the token may act on.
 *
 * @param expiresAt the session's absolute end
 * @param idleExpiresAt when it ends if unused (moves forward with use)
 */
public record TokenResponse(String token, Instant expiresAt, Instant idleExpiresAt, Scope scope) {

    /**
     * What a token stands for: a customer account, one package (a package login: no account data) or a staff
     * user (fields of the other kinds are left out).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scope(String type, String accountId, String customerNumber, String staffId, String staffRole,
            String packageId) {
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }

    static TokenResponse customer(IssuedToken issued, String customerNumber) {
        Subject subject = issued.subject();
        return new TokenResponse(issued.token(), issued.expiresAt(), issued.idleExpiresAt(),
                new Scope(subject.type().name(), subject.accountId(), customerNumber, null, null, null));
    }

    static TokenResponse staff(IssuedToken issued) {
        Subject subject = issued.subject();
        return new TokenResponse(issued.token(), issued.expiresAt(), issued.idleExpiresAt(),
                new Scope(subject.type().name(), null, null, subject.id(), subject.staffRole().name(), null));
    }

    static TokenResponse packageScope(IssuedToken issued) {
        return new TokenResponse(issued.token(), issued.expiresAt(), issued.idleExpiresAt(),
                new Scope(issued.subject().type().name(), null, null, null, null, issued.subject().packageId()));
    }
}
