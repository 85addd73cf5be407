package org.hostarea.core.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of one request.
 *
 * @param type what kind of caller
 * @param id the id of the account (customer) or staff user
 * @param accountId the account a customer-side subject acts on; {@code null} for staff
 * @param sessionId the id of the session (not the token)
 * @param permissions what a customer-side subject may do on {@code accountId}
 * @param staffRole the role of a staff subject; {@code null} otherwise
 */
public record Subject(SubjectType type, String id, String accountId, String sessionId, Set<Permission> permissions,
        StaffRole staffRole) {

    public Subject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** The holder of an account: every permission on it. */
    public static Subject accountHolder(String accountId, String sessionId) {
        return new Subject(SubjectType.CUSTOMER, accountId, accountId, sessionId, EnumSet.allOf(Permission.class), null);
    }

    /** An invited user acting on one account with the granted permissions. */
    public static Subject user(String userId, String accountId, Set<Permission> permissions, String sessionId) {
        return new Subject(SubjectType.USER, userId, Objects.requireNonNull(accountId, "accountId"), sessionId, permissions, null);
    }

    public static Subject staff(String staffId, StaffRole role, String sessionId) {
        return new Subject(SubjectType.STAFF, staffId, null, sessionId, Set.of(), Objects.requireNonNull(role, "role"));
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** Whether this is the holder of the account it acts on (not an invited user, not staff). */
    public boolean holder() {
        return type == SubjectType.CUSTOMER;
    }

    /** The account a customer-side subject acts on; empty for staff. */
    public Optional<String> account() {
        return Optional.ofNullable(accountId);
    }
}
