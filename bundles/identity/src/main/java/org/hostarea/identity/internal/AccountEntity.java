package org.hostarea.identity.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.hostarea.identity.Account;
import org.hostarea.identity.AccountStatus;

/** A customer account (times are epoch milliseconds: exact on every database and in every time zone). {@code emailKey} is the lower-cased owner email: unique, used for login. */
@Entity
@Table(name = "HA_ACCOUNT", uniqueConstraints = {
        @UniqueConstraint(name = "UQ_ACCOUNT_NUMBER", columnNames = "CUSTOMER_NUMBER"),
        @UniqueConstraint(name = "UQ_ACCOUNT_EMAIL", columnNames = "EMAIL_KEY")})
public class AccountEntity implements LoginSubject {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CUSTOMER_NUMBER", length = 16, nullable = false)
    private String customerNumber;

    @Column(name = "OWNER_NAME", length = 200, nullable = false)
    private String ownerName;

    @Column(name = "EMAIL", length = 254, nullable = false)
    private String email;

    @Column(name = "EMAIL_KEY", length = 254, nullable = false)
    private String emailKey;

    @Column(name = "LANGUAGE", length = 5, nullable = false)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private AccountStatus status;

    @Column(name = "PASSWORD_HASH", length = 255)
    private String passwordHash;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** The customer number this one was merged into (then CLOSED). */
    @Column(name = "MERGED_INTO", length = 16)
    private String mergedInto;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected AccountEntity() {
    }

    AccountEntity(String id, String customerNumber, String ownerName, String email, String language, Instant createdAt) {
        this.id = id;
        this.customerNumber = customerNumber;
        this.ownerName = ownerName;
        this.email = email;
        this.emailKey = emailKey(email);
        this.language = language;
        this.status = AccountStatus.ACTIVE;
        this.createdAt = createdAt.toEpochMilli();
    }

    static String emailKey(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    Account toDto() {
        return new Account(id, customerNumber, ownerName, email, language, status, passwordHash != null, Instant.ofEpochMilli(createdAt),
                mergedInto);
    }

    @Override
    public String id() {
        return id;
    }

    AccountStatus status() {
        return status;
    }

    String email() {
        return email;
    }

    String ownerName() {
        return ownerName;
    }

    String language() {
        return language;
    }

    String customerNumber() {
        return customerNumber;
    }

    @Override
    public String passwordHash() {
        return passwordHash;
    }

    @Override
    public boolean canLogIn() {
        return status == AccountStatus.ACTIVE;
    }

    @Override
    public org.hostarea.core.access.Subject subject(javax.persistence.EntityManager em, String sessionId, String accountId) {
        return accountId == null || accountId.equals(id) ? org.hostarea.core.access.Subject.accountHolder(id, sessionId) : null;
    }

    void ownerName(String ownerName) {
        this.ownerName = ownerName;
    }

    void email(String email) {
        this.email = email;
        this.emailKey = emailKey(email);
    }

    String mergedInto() {
        return mergedInto;
    }

    /** Closes the account for good: its data now lives under {@code intoCustomerNumber}. */
    void closeMerged(String intoCustomerNumber) {
        this.status = AccountStatus.CLOSED;
        this.mergedInto = intoCustomerNumber;
    }

    void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
