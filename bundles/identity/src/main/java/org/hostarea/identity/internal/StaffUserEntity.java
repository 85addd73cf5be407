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

import org.hostarea.core.access.StaffRole;
import org.hostarea.identity.StaffUser;

/** A staff user (times are epoch milliseconds). {@code username} is stored lower-cased and is unique. */
@Entity
@Table(name = "HA_STAFF_USER", uniqueConstraints = @UniqueConstraint(name = "UQ_STAFF_USERNAME", columnNames = "USERNAME"))
public class StaffUserEntity implements LoginSubject {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "USERNAME", length = 64, nullable = false)
    private String username;

    @Column(name = "DISPLAY_NAME", length = 200, nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "ROLE", length = 16, nullable = false)
    private StaffRole role;

    @Column(name = "PASSWORD_HASH", length = 255, nullable = false)
    private String passwordHash;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected StaffUserEntity() {
    }

    StaffUserEntity(String id, String username, String displayName, StaffRole role, String passwordHash, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = createdAt.toEpochMilli();
    }

    StaffUser toDto() {
        return new StaffUser(id, username, displayName, role, Instant.ofEpochMilli(createdAt));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String passwordHash() {
        return passwordHash;
    }

    @Override
    public boolean canLogIn() {
        return active;
    }

    @Override
    public org.hostarea.core.access.Subject subject(javax.persistence.EntityManager em, String sessionId, String accountId) {
        return org.hostarea.core.access.Subject.staff(id, role, sessionId);
    }
}
