package org.hostarea.identity.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A pending change of an account's login email, confirmed by a link sent to the new address. */
@Entity
@Table(name = "HA_EMAIL_CHANGE", uniqueConstraints = @UniqueConstraint(name = "UQ_EMAIL_CHANGE_TOKEN", columnNames = "TOKEN_HASH"))
public class EmailChangeEntity extends OneTimeLinkEntity {

    @Column(name = "NEW_EMAIL", length = 254, nullable = false)
    private String newEmail;

    protected EmailChangeEntity() {
    }

    EmailChangeEntity(String id, String tokenHash, String accountId, String newEmail, Instant now, Instant expiresAt) {
        super(id, tokenHash, accountId, now, expiresAt);
        this.newEmail = newEmail;
    }

    String newEmail() {
        return newEmail;
    }
}
