package org.hostarea.identity;

import org.hostarea.core.access.Subject;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Login, token resolution and logout. Wrong password, unknown login and an account without a password
 * fail the same way ({@code invalid-credentials}), with the same cost.
 */
@ProviderType
public interface AuthenticationService {

    /**
     * Customer-side login: the account holder with the customer number or the owner's email, or an
     * invited user with their own email. An email that is both an owner's and a user's logs in as the
     * owner unless {@code accountId} names another account the user is linked to. A login that is neither
     * a customer number nor an email is a domain: with the package password of the package holding it, the
     * session is scoped to that package ({@link org.hostarea.core.access.SubjectType#PACKAGE}).
     *
     * @param accountId for a user linked to several accounts: the one the session acts on ({@code null}:
     *     the oldest link)
     * @throws org.hostarea.core.UnauthenticatedException ({@code invalid-credentials}) on any mismatch
     */
    IssuedToken login(String login, String password, String accountId, ClientInfo client);

    /**
     * Staff login with the username.
     *
     * @throws org.hostarea.core.UnauthenticatedException ({@code invalid-credentials}) on any mismatch
     */
    IssuedToken staffLogin(String username, String password, ClientInfo client);

    /** The subject of a live session, or empty if the token is unknown, expired or logged out. */
    Optional<Subject> authenticate(String token);

    /** Ends the caller's own session for good (logout): its token is dead from now on. */
    void logout(Subject subject);

    /** The live sessions of the caller's login (customer account or staff user), newest first. */
    java.util.List<SessionInfo> sessions(Subject subject);

    /**
     * Ends one of the caller's sessions (e.g. a forgotten device).
     *
     * @throws org.hostarea.core.NotFoundException if it is not a live session of the caller
     */
    void endSession(Subject subject, String sessionId);

    /**
     * Staff end every session on an account: its holder's, its invited users' sessions on it and its package logins'.
     *
     * @return how many ended
     * @throws org.hostarea.core.NotFoundException if there is no such account
     */
    int endAccountSessions(String accountId, String actor);
}
