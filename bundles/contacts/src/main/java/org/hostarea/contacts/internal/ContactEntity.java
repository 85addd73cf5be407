package org.hostarea.contacts.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

import org.hostarea.contacts.Contact;
import org.hostarea.contacts.ContactRole;
import org.hostarea.contacts.EmailCategory;

/** A contact of an account. Categories are stored comma-separated. Times are epoch milliseconds. */
@Entity
@Table(name = "HA_CONTACT", indexes = @Index(name = "IX_CONTACT_ACCOUNT", columnList = "ACCOUNT_ID"))
public class ContactEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "EMAIL", length = 254, nullable = false)
    private String email;

    @Column(name = "PHONE", length = 30)
    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "ROLE", length = 20)
    private ContactRole role;

    @Column(name = "CATEGORIES", length = 100, nullable = false)
    private String categories;

    @Column(name = "VERIFIED", nullable = false)
    private boolean verified;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected ContactEntity() {
    }

    ContactEntity(String id, String accountId, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.createdAt = now.toEpochMilli();
    }

    /** Replaces the data; returns whether the email changed (it must then be verified again). */
    boolean set(String name, String email, String phone, ContactRole role, Set<EmailCategory> categories) {
        boolean newEmail = !email.equalsIgnoreCase(this.email == null ? "" : this.email);
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.role = role;
        this.categories = categories.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        if (newEmail) {
            this.verified = false;
        }
        return newEmail;
    }

    Contact toDto() {
        return new Contact(id, accountId, name, email, phone, role, categorySet(), verified, Instant.ofEpochMilli(createdAt));
    }

    Set<EmailCategory> categorySet() {
        EnumSet<EmailCategory> set = EnumSet.noneOf(EmailCategory.class);
        if (categories != null && !categories.isEmpty()) {
            Arrays.stream(categories.split(",")).map(EmailCategory::valueOf).forEach(set::add);
        }
        return set;
    }

    String id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    String email() {
        return email;
    }

    String name() {
        return name;
    }

    ContactRole role() {
        return role;
    }

    void verified() {
        this.verified = true;
    }
}
