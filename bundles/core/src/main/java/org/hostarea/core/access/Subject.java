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
 * @param packageId for a package-scoped subject (domain + package password): the one package it may act on;
 *     {@code null} otherwise
 */
public record Subject(SubjectType type, String id, String accountId, String sessionId, Set<Permission> permissions,
        StaffRole staffRole, String packageId) {

    public Subject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        if ((type == SubjectType.PACKAGE) != (packageId != null)) {
            throw new IllegalArgumentException("a package id belongs to package-scoped subjects only");
        }
    }

    public Subject(SubjectType type, String id, String accountId, String sessionId, Set<Permission> permissions,
            StaffRole staffRole) {
        this(type, id, accountId, sessionId, permissions, staffRole, null);
    }

    /** The holder of an account: every permission on it. */
    public static Subject accountHolder(String accountId, String sessionId) {
        return new Subject(SubjectType.CUSTOMER, accountId, accountId, sessionId, EnumSet.allOf(Permission.class), null);
    }

    /** An invited user acting on one account with the granted permissions. */
    public static Subject user(String userId, String accountId, Set<Permission> permissions, String sessionId) {
        return new Subject(SubjectType.USER, userId, Objects.requireNonNull(accountId, "accountId"), sessionId, permissions, null);
    }

    /**
     * A package administrator (logged in with a domain of the package and its package password): no account
     * permission at all, only the technical routes of that one package.
     */
    public static Subject packageAdmin(String packageId, String accountId, String sessionId) {
        return new Subject(SubjectType.PACKAGE, packageId, Objects.requireNonNull(accountId, "accountId"), sessionId, Set.of(),
                null, packageId);
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

    /** The account a customer-side or package-scoped subject acts on; empty for staff. */
    public Optional<String> account() {
        return Optional.ofNullable(accountId);
    }

    /** Who acts, as audit and event logs name it: {@code account:<id>}, {@code user:<id>}, {@code package:<id>}, {@code staff:<id>}. */
    public String actor() {
        return switch (type) {
            case CUSTOMER -> "account:";
            case USER -> "user:";
            case PACKAGE -> "package:";
            case STAFF -> "staff:";
        } + id;
    }
}
