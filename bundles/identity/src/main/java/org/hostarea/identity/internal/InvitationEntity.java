package org.hostarea.identity.internal;

import java.time.Instant;
import java.util.Set;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.hostarea.core.access.Permission;

/** An invitation to an account, for an email with permissions; used once, when accepted. */
@Entity
@Table(name = "HA_INVITATION", uniqueConstraints = @UniqueConstraint(name = "UQ_INVITATION_TOKEN", columnNames = "TOKEN_HASH"))
public class InvitationEntity extends OneTimeLinkEntity {

    @Column(name = "EMAIL", length = 254, nullable = false)
    private String email;

    @Column(name = "PERMISSIONS", length = 400, nullable = false)
    private String permissions;

    protected InvitationEntity() {
    }

    InvitationEntity(String id, String tokenHash, String accountId, String email, Set<Permission> permissions, Instant now,
            Instant expiresAt) {
        super(id, tokenHash, accountId, now, expiresAt);
        this.email = email;
        this.permissions = MembershipEntity.join(permissions);
    }

    String email() {
        return email;
    }

    Set<Permission> permissionSet() {
        return MembershipEntity.split(permissions);
    }
}
