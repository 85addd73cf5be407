package org.hostarea.core.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.hostarea.core.access.Permission;
import org.hostarea.core.access.StaffRole;

/**
 * The access declaration of one route, read from its annotations.
 *
 * @param permissions for {@link Kind#CUSTOMER} and {@link Kind#PACKAGE}: every permission the caller needs
 * @param roles for {@link Kind#STAFF}: the roles that may call it (empty: any)
 */
public record RouteAccess(Kind kind, Set<Permission> permissions, Set<StaffRole> roles) {

    /** Who may call a route. */
    public enum Kind {
        /** Anyone, without a token ({@code @Public}). */
        PUBLIC,
        /** Any authenticated subject ({@code @Authenticated}). */
        AUTHENTICATED,
        /** A customer-side subject ({@code @CustomerRoute}). */
        CUSTOMER,
        /**
         * The technical settings of one package ({@code @PackageRoute}): a customer-side subject with the
         * permissions, or the package-scoped subject of that package.
         */
        PACKAGE,
        /** Staff ({@code @StaffRoute}). */
        STAFF
    }

    public RouteAccess {
        Objects.requireNonNull(kind, "kind");
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static RouteAccess of(Kind kind) {
        return new RouteAccess(kind, Set.of(), Set.of());
    }
}
