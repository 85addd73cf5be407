package org.hostarea.identity.internal;

import javax.persistence.EntityManager;

import org.hostarea.core.access.Subject;

/** What logs in with a password: a customer account or a staff user. */
interface LoginSubject {

    String id();

    /** The Argon2id PHC string, or {@code null} if no password was set yet. */
    String passwordHash();

    /** Whether the account or user may log in at all (not closed or deactivated). */
    boolean canLogIn();

    /**
     * The subject a session of this login acts as, on the given account ({@code null}: its own, or for a
     * user the oldest account linked); {@code null} if it may not act on that account.
     */
    Subject subject(EntityManager em, String sessionId, String accountId);
}
