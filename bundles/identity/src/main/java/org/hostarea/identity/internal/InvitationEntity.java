package org.hostarea.identity.internal;

import java.time.Instant;
import java.util.Set;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.hostarea.core.access.Permission;

/** An invitation to an account: single use, expiring, its token stored as a hash. Times are epoch milliseconds. */
@Entity
@Table(name = "HA_INVITATION", uniqueConstraints = @UniqueConstraint(name = "UQ_INVITATION_TOKEN", columnNames = "TOKEN_HASH"))
public class InvitationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TOKEN_HASH", length = 64, nullable = false)
    private String tokenHash;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "EMAIL", length = 254, nullable = false)
    private String email;

    @Column(name = "PERMISSIONS", length = 400, nullable = false)
    private String permissions;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "ACCEPTED_AT")
    private Long acceptedAt;

    protected InvitationEntity() {
    }

    InvitationEntity(String id, String tokenHash, String accountId, String email, Set<Permission> permissions, Instant now,
            Instant expiresAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.email = email;
        this.permissions = MembershipEntity.join(permissions);
        this.createdAt = now.toEpochMilli();
        this.expiresAt = expiresAt.toEpochMilli();
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

    Set<Permission> permissionSet() {
        return MembershipEntity.split(permissions);
    }

    Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    boolean usable(Instant now) {
        return acceptedAt == null && now.toEpochMilli() < expiresAt;
    }
}
