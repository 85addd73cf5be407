package org.hostarea.contacts.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** An email verification link of a contact: single use, expiring, stored as a hash. Times are epoch milliseconds. */
@Entity
@Table(name = "HA_CONTACT_VERIFICATION",
        uniqueConstraints = @UniqueConstraint(name = "UQ_VERIFICATION_TOKEN", columnNames = "TOKEN_HASH"))
public class VerificationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TOKEN_HASH", length = 64, nullable = false)
    private String tokenHash;

    @Column(name = "CONTACT_ID", length = 36, nullable = false)
    private String contactId;

    @Column(name = "EMAIL", length = 254, nullable = false)
    private String email;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "USED_AT")
    private Long usedAt;

    protected VerificationEntity() {
    }

    VerificationEntity(String id, String tokenHash, String contactId, String email, Instant expiresAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.contactId = contactId;
        this.email = email;
        this.expiresAt = expiresAt.toEpochMilli();
    }

    String contactId() {
        return contactId;
    }

    String email() {
        return email;
    }

    boolean usable(Instant now) {
        return usedAt == null && now.toEpochMilli() < expiresAt;
    }
}
