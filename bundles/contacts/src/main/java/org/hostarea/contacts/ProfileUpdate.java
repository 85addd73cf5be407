package org.hostarea.contacts;

/** The master data as the customer submits it (a full replacement; optional fields may be null). */
public record ProfileUpdate(String holderName, String company, String street, String postcode, String city, String country,
        String phone, String mobile, String email, String iban, String bic, String taxId) {
}
