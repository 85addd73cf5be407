package org.hostarea.identity.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

/**
 * What every mailed single-use link has (password reset, email change, invitation): the SHA-256 of its
 * token, the account it is about, an expiry and the moment it was used. Times are epoch milliseconds.
 */
@MappedSuperclass
public abstract class OneTimeLinkEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TOKEN_HASH", length = 64, nullable = false)
    private String tokenHash;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "USED_AT")
    private Long usedAt;

    protected OneTimeLinkEntity() {
    }

    protected OneTimeLinkEntity(String id, String tokenHash, String accountId, Instant now, Instant expiresAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.createdAt = now.toEpochMilli();
        this.expiresAt = expiresAt.toEpochMilli();
    }

    String id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    /** Whether the link may still be used at {@code now}. */
    boolean usable(Instant now) {
        return usedAt == null && now.toEpochMilli() < expiresAt;
    }
}
