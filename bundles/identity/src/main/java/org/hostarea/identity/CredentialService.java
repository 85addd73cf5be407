package org.hostarea.identity;

import org.hostarea.core.access.Subject;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Passwords of customer accounts: the reset by emailed link (also how an account opened without a
 * password gets its first one), the change by the customer, and lifting a brute-force lockout. Nobody,
 * staff included, can read or set a customer's password directly.
 */
@ProviderType
public interface CredentialService {

    /**
     * Starts a reset for the account with this customer number or owner email. Answers the same way
     * whether or not the account exists (nothing tells them apart); if it does, a single-use link is
     * mailed to the owner, at most a configured number of times per hour.
     */
    void requestReset(String login, ClientInfo client);

    /**
     * Staff start a reset for an account (the mail goes to the owner, staff never see the link).
     *
     * @throws org.hostarea.core.NotFoundException if there is no such account
     */
    void requestResetFor(String accountId, Subject staff);

    /**
     * Sets the new password chosen by the customer and ends every session of the account.
     *
     * @throws org.hostarea.core.ValidationException ({@code reset-token-invalid}) if the link is unknown,
     *     used or expired; ({@code validation}) if the password breaks the rules
     */
    void confirmReset(String token, String newPassword, ClientInfo client);

    /**
     * The account holder changes the password: the current one is required; every other session of the
     * account ends and the owner is told by email.
     *
     * @throws org.hostarea.core.ValidationException if the current password is wrong or the new one breaks the rules
     */
    void change(Subject subject, String currentPassword, String newPassword, ClientInfo client);

    /**
     * The holder asks to change the login email: the current password is required, and the change happens
     * only when the link mailed to the new address is followed ({@link #confirmEmailChange}).
     *
     * @throws org.hostarea.core.ValidationException if the current password is wrong or the address malformed
     * @throws org.hostarea.core.ConflictException ({@code email-taken}) if another account uses the address
     */
    void requestEmailChange(Subject subject, String currentPassword, String newEmail, ClientInfo client);

    /**
     * Applies a requested email change; the old address is told.
     *
     * @throws org.hostarea.core.ValidationException ({@code email-change-token-invalid}) if unknown, used or expired
     * @throws org.hostarea.core.ConflictException ({@code email-taken}) if another account took the address meanwhile
     */
    void confirmEmailChange(String token, ClientInfo client);

    /**
     * Staff lift a brute-force lockout of an account.
     *
     * @throws org.hostarea.core.NotFoundException if there is no such account
     */
    void unlock(String accountId, Subject staff);
}
