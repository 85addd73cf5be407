package org.hostarea.identity.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * A password-reset link: single use, expiring. Only the SHA-256 of its token is stored. Times are epoch
 * milliseconds.
 */
@Entity
@Table(name = "HA_PASSWORD_RESET",
        uniqueConstraints = @UniqueConstraint(name = "UQ_RESET_TOKEN", columnNames = "TOKEN_HASH"),
        indexes = @Index(name = "IX_RESET_ACCOUNT", columnList = "ACCOUNT_ID,CREATED_AT"))
public class PasswordResetEntity {

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

    protected PasswordResetEntity() {
    }

    PasswordResetEntity(String id, String tokenHash, String accountId, Instant now, Instant expiresAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.createdAt = now.toEpochMilli();
        this.expiresAt = expiresAt.toEpochMilli();
    }

    String accountId() {
        return accountId;
    }

    /** Whether the link may still be used at {@code now}. */
    boolean usable(Instant now) {
        return usedAt == null && now.toEpochMilli() < expiresAt;
    }

    void use(Instant now) {
        usedAt = now.toEpochMilli();
    }
}
