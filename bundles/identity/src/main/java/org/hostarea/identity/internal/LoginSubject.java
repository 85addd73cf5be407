package org.hostarea.identity.internal;

import org.hostarea.core.access.Subject;

/** What logs in with a password: a customer account or a staff user. */
interface LoginSubject {

    String id();

    /** The Argon2id PHC string, or {@code null} if no password was set yet. */
    String passwordHash();

    /** Whether the account or user may log in at all (not closed or deactivated). */
    boolean canLogIn();

    /** The subject a session of this login acts as. */
    Subject subject(String sessionId);
}
