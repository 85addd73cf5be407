package org.hostarea.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Login, token resolution and logout. Wrong password, unknown login and an account without a password
 * fail the same way ({@code invalid-credentials}), with the same cost.
 */
@ProviderType
public interface AuthenticationService {

    /**
     * Customer login with the customer number or the owner's email.
     *
     * @throws org.hostarea.core.UnauthenticatedException ({@code invalid-credentials}) on any mismatch
     */
    IssuedToken login(String login, String password, ClientInfo client);

    /**
     * Staff login with the username.
     *
     * @throws org.hostarea.core.UnauthenticatedException ({@code invalid-credentials}) on any mismatch
     */
    IssuedToken staffLogin(String username, String password, ClientInfo client);

    /** The subject of a live session, or empty if the token is unknown, expired or logged out. */
    Optional<Subject> authenticate(String token);

    /** Ends a session for good (logout): its token is dead from now on. An unknown id is ignored. */
    void endSession(String sessionId);
}
