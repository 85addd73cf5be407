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
}
