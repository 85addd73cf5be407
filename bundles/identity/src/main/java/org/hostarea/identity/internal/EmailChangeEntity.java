package org.hostarea.identity.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A pending change of an account's login email, confirmed by a link sent to the new address. Times are epoch millis. */
@Entity
@Table(name = "HA_EMAIL_CHANGE", uniqueConstraints = @UniqueConstraint(name = "UQ_EMAIL_CHANGE_TOKEN", columnNames = "TOKEN_HASH"))
public class EmailChangeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TOKEN_HASH", length = 64, nullable = false)
    private String tokenHash;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "NEW_EMAIL", length = 254, nullable = false)
    private String newEmail;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "USED_AT")
    private Long usedAt;

    protected EmailChangeEntity() {
    }

    EmailChangeEntity(String id, String tokenHash, String accountId, String newEmail, Instant expiresAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.newEmail = newEmail;
        this.expiresAt = expiresAt.toEpochMilli();
    }

    String accountId() {
        return accountId;
    }

    String newEmail() {
        return newEmail;
    }

    boolean usable(Instant now) {
        return usedAt == null && now.toEpochMilli() < expiresAt;
    }
}
