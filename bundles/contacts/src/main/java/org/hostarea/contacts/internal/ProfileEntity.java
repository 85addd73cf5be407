package org.hostarea.contacts.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.hostarea.contacts.Profile;
import org.hostarea.contacts.ProfileUpdate;

/**
 * The master data of one account. Its row is also the account's lock for contact changes: adding a
 * contact locks it first, so role limits hold under concurrent requests. Times are epoch milliseconds.
 */
@Entity
@Table(name = "HA_PROFILE")
public class ProfileEntity {

    @Id
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Column(name = "HOLDER_NAME", length = 200)
    private String holderName;

    @Column(name = "COMPANY", length = 200)
    private String company;

    @Column(name = "STREET", length = 200)
    private String street;

    @Column(name = "POSTCODE", length = 20)
    private String postcode;

    @Column(name = "CITY", length = 100)
    private String city;

    @Column(name = "COUNTRY", length = 2)
    private String country;

    @Column(name = "PHONE", length = 30)
    private String phone;

    @Column(name = "MOBILE", length = 30)
    private String mobile;

    @Column(name = "EMAIL", length = 254)
    private String email;

    @Column(name = "IBAN", length = 34)
    private String iban;

    @Column(name = "BIC", length = 11)
    private String bic;

    @Column(name = "TAX_ID", length = 30)
    private String taxId;

    @Column(name = "UPDATED_AT")
    private Long updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected ProfileEntity() {
    }

    ProfileEntity(String accountId) {
        this.accountId = accountId;
    }

    Profile toDto() {
        return new Profile(accountId, holderName, company, street, postcode, city, country, phone, mobile, email, iban, bic, taxId,
                updatedAt == null ? null : Instant.ofEpochMilli(updatedAt));
    }

    /** The fields by name, for the audit. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("holderName", holderName);
        fields.put("company", company);
        fields.put("street", street);
        fields.put("postcode", postcode);
        fields.put("city", city);
        fields.put("country", country);
        fields.put("phone", phone);
        fields.put("mobile", mobile);
        fields.put("email", email);
        fields.put("iban", iban);
        fields.put("bic", bic);
        fields.put("taxId", taxId);
        return fields;
    }

    void replace(ProfileUpdate u, Instant now) {
        holderName = u.holderName();
        company = u.company();
        street = u.street();
        postcode = u.postcode();
        city = u.city();
        country = u.country();
        phone = u.phone();
        mobile = u.mobile();
        email = u.email();
        iban = u.iban();
        bic = u.bic();
        taxId = u.taxId();
        updatedAt = now.toEpochMilli();
    }
}
