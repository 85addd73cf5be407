package org.hostarea.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Package passwords (STRATO's "Paket-Passwort"): with any domain of a package and its password, a third
 * party logs in to that one package's technical settings. Same hashing and rules as customer passwords.
 * Callers pass the account the authorization service granted; a package of another account is not found.
 */
@ProviderType
public interface PackagePasswordService {

    /**
     * Sets or replaces the password and ends every session opened with the old one.
     *
     * @param actor who sets it, for the security log
     * @throws org.hostarea.core.NotFoundException if the package is not the account's
     * @throws org.hostarea.core.RuleViolationException ({@code package-closed}) if it can no longer be logged in to
     * @throws org.hostarea.core.ValidationException if the password breaks the password rules
     */
    void set(String accountId, String packageId, String password, String actor, ClientInfo client);

    boolean hasPassword(String packageId);

    /**
     * Removes the password and ends the package's sessions (the holder's choice, or the package was cancelled
     * or terminated). Does nothing if it has none.
     *
     * @return whether there was one
     */
    boolean revoke(String packageId, String actor);

    /**
     * Proves that the caller holds a package of another account (merging customer numbers): a domain of an open
     * package and that package's password. Failures count for the package and for the asking account with the
     * same brute-force protection as logins, and land in the security log of the package's account.
     *
     * @param requesterAccountId the account that asks
     * @return the account id of the package
     * @throws org.hostarea.core.RuleViolationException ({@code package-credentials-invalid}) for an unknown domain,
     *     a wrong password or a throttled attempt, all alike
     */
    String verifyOwnership(String requesterAccountId, String domain, String password, ClientInfo client);
}
