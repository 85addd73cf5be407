package org.hostarea.identity.internal;

import java.time.Instant;
import java.util.Locale;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.hostarea.core.access.Subject;

/**
 * An invited user: their own login (email and password), linked to one or more accounts by memberships
 * that carry the permissions each holder granted. Times are epoch milliseconds.
 */
@Entity
@Table(name = "HA_USER", uniqueConstraints = @UniqueConstraint(name = "UQ_USER_EMAIL", columnNames = "EMAIL_KEY"))
public class UserEntity implements LoginSubject {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "EMAIL", length = 254, nullable = false)
    private String email;

    @Column(name = "EMAIL_KEY", length = 254, nullable = false)
    private String emailKey;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "PASSWORD_HASH", length = 255, nullable = false)
    private String passwordHash;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected UserEntity() {
    }

    UserEntity(String id, String email, String name, String passwordHash, Instant now) {
        this.id = id;
        this.email = email;
        this.emailKey = key(email);
        this.name = name;
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = now.toEpochMilli();
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
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

    String email() {
        return email;
    }

    String name() {
        return name;
    }

    /** Acts on the given account (or the oldest one linked, if none is given), if a membership links it. */
    @Override
    public Subject subject(EntityManager em, String sessionId, String accountId) {
        MembershipEntity membership = accountId != null ? Memberships.of(em, id, accountId) : Memberships.first(em, id);
        if (membership == null) {
            return null;
        }
        AccountEntity account = em.find(AccountEntity.class, membership.accountId());
        return account == null || !account.canLogIn() ? null
                : Subject.user(id, membership.accountId(), membership.permissionSet(), sessionId);
    }
}
