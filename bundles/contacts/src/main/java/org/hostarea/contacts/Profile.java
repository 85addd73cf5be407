package org.hostarea.contacts;

import java.time.Instant;

/**
 * The master data of an account.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param iban normalised (upper case, no spaces); {@code null} if none
 */
public record Profile(String accountId, String holderName, String company, String street, String postcode, String city,
        String country, String phone, String mobile, String email, String iban, String bic, String taxId, Instant updatedAt) {
}
