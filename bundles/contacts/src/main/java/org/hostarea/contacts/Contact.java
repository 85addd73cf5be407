package org.hostarea.contacts;

import java.time.Instant;
import java.util.Set;

/**
 * A contact of an account.
 *
 * @param role {@code null} for a contact without a role
 * @param verified whether the email address was confirmed by its link; until then the contact receives
 *     nothing but the verification mail
 */
public record Contact(String id, String accountId, String name, String email, String phone, ContactRole role,
        Set<EmailCategory> categories, boolean verified, Instant createdAt) {
}
