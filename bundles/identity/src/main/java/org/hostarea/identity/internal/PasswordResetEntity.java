package org.hostarea.identity.internal;

import java.time.Instant;

import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A password-reset link: single use, expiring; only the SHA-256 of its token is stored. */
@Entity
@Table(name = "HA_PASSWORD_RESET",
        uniqueConstraints = @UniqueConstraint(name = "UQ_RESET_TOKEN", columnNames = "TOKEN_HASH"),
        indexes = @Index(name = "IX_RESET_ACCOUNT", columnList = "ACCOUNT_ID,CREATED_AT"))
public class PasswordResetEntity extends OneTimeLinkEntity {

    protected PasswordResetEntity() {
    }

    PasswordResetEntity(String id, String tokenHash, String accountId, Instant now, Instant expiresAt) {
        super(id, tokenHash, accountId, now, expiresAt);
    }
}
