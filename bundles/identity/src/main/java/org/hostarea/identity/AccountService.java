package org.hostarea.identity;

import org.osgi.annotation.versioning.ProviderType;

/** Customer accounts. */
@ProviderType
public interface AccountService {

    /**
     * Opens an account with a newly generated customer number.
     *
     * @throws org.hostarea.core.ValidationException if a field is missing or malformed, or the password
     *     breaks the password rules
     * @throws org.hostarea.core.ConflictException ({@code email-taken}) if another account has the email
     */
    Account create(NewAccount account);

    /** @throws org.hostarea.core.NotFoundException if there is no such account */
    Account get(String accountId);

    /** @throws org.hostarea.core.NotFoundException if no account has this customer number */
    Account byCustomerNumber(String customerNumber);

    /**
     * Closes an account whose customer number was merged into another: it can no longer log in (a login with its
     * right password is told the surviving number), its sessions and open links end. Runs in the caller's
     * transaction; closing it again into the same account changes nothing.
     *
     * @throws org.hostarea.core.NotFoundException if either account does not exist
     * @throws org.hostarea.core.RuleViolationException ({@code account-closed}) if the surviving account is closed,
     *     or the other one is closed for another reason
     */
    void closeMerged(String fromAccountId, String intoAccountId, String actor);

    /**
     * Changes the owner of an account (a new contract holder, or the owner's recovery by ID document when the owner
     * email is lost): the owner's name and login email, and optionally ends the password (the old holder can no longer
     * log in; the new one sets a password through a reset link). The holder's sessions end. Runs in the caller's
     * transaction; the same change again changes nothing.
     *
     * @param ownerName the new name, {@code null} to keep it
     * @param email the new owner (login) email, {@code null} to keep it
     * @return whether anything changed
     * @throws org.hostarea.core.ConflictException ({@code email-taken}) if another account logs in with the email
     * @throws org.hostarea.core.RuleViolationException ({@code account-closed}) for a closed account
     */
    boolean changeOwner(String accountId, String ownerName, String email, boolean endPassword, String actor);
}
