package org.hostarea.contacts;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Master data and contacts of an account. Callers pass the account the authorization service granted;
 * objects of other accounts are not found (404), never forbidden.
 */
@ProviderType
public interface ContactService {

    /** The master data (empty fields until the customer fills them in). */
    Profile profile(String accountId);

    /**
     * Replaces the master data; every changed field is audited with old and new value.
     *
     * @param actor who changes it, for the audit ({@code account:<id>}, {@code staff:<id>}...)
     * @throws org.hostarea.core.ValidationException for a malformed IBAN, BIC, country, email or field
     */
    Profile updateProfile(String accountId, ProfileUpdate update, String actor);

    /** The audit of master-data changes, newest first. */
    List<ProfileChange> profileChanges(String accountId);

    List<Contact> contacts(String accountId);

    /** @throws org.hostarea.core.NotFoundException if it is not a contact of the account */
    Contact contact(String accountId, String contactId);

    /**
     * Adds a contact and mails its verification link.
     *
     * @param byHolder whether the account holder asks: only the holder may create OWNER contacts (they get the
     *     client area with every right)
     * @throws org.hostarea.core.ConflictException ({@code role-limit}) if the role is taken as often as it may be
     * @throws org.hostarea.core.ForbiddenException ({@code holder-only}) for an OWNER contact not asked by the holder
     */
    Contact add(String accountId, ContactInput contact, boolean byHolder);

    /**
     * Replaces a contact; a new email address must be verified again.
     *
     * @throws org.hostarea.core.NotFoundException if it is not a contact of the account
     * @throws org.hostarea.core.ConflictException ({@code role-limit}) if the new role is full
     * @throws org.hostarea.core.ForbiddenException ({@code holder-only}) to make or change an OWNER contact
     *     when not asked by the holder
     */
    Contact update(String accountId, String contactId, ContactInput contact, boolean byHolder);

    /**
     * @throws org.hostarea.core.NotFoundException if it is not a contact of the account
     * @throws org.hostarea.core.ForbiddenException ({@code holder-only}) for an OWNER contact when not asked by the holder
     */
    void remove(String accountId, String contactId, boolean byHolder);

    /**
     * Confirms a contact's email address with the token of its verification link.
     *
     * @throws org.hostarea.core.ValidationException ({@code verification-token-invalid}) if unknown, used or expired
     */
    void verify(String token);
}
