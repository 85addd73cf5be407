package org.hostarea.identity.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.hostarea.core.access.Permission;

/** Links a user to an account with the permissions its holder granted (comma-separated). Times are epoch millis. */
@Entity
@Table(name = "HA_MEMBERSHIP", uniqueConstraints = @UniqueConstraint(name = "UQ_MEMBERSHIP", columnNames = {"USER_ID", "ACCOUNT_ID"}))
public class MembershipEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "PERMISSIONS", length = 400, nullable = false)
    private String permissions;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected MembershipEntity() {
    }

    MembershipEntity(String id, String userId, String accountId, Set<Permission> permissions, Instant now) {
        this.id = id;
        this.userId = userId;
        this.accountId = accountId;
        this.createdAt = now.toEpochMilli();
        permissions(permissions);
    }

    static String join(Set<Permission> permissions) {
        return permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Permission> split(String permissions) {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        if (permissions != null && !permissions.isEmpty()) {
            Arrays.stream(permissions.split(",")).map(Permission::valueOf).forEach(set::add);
        }
        return set;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String accountId() {
        return accountId;
    }

    Set<Permission> permissionSet() {
        return split(permissions);
    }

    void permissions(Set<Permission> permissions) {
        this.permissions = join(permissions);
    }
}
