package org.hostarea.core.access;

import org.hostarea.core.access.RouteAccess;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place that decides whether a subject may do something. The route guard asks it for every
 * request; domain services ask it again for the permission an operation needs and for the account a
 * customer-side subject may act on. Everything not explicitly allowed is denied.
 */
@ProviderType
public interface AuthorizationService {

    /**
     * Checks a route's declaration against the caller.
     *
     * @param subject the caller, {@code null} if unauthenticated
     * @throws org.hostarea.core.UnauthenticatedException if the route needs a caller and there is none
     * @throws org.hostarea.core.ForbiddenException if the caller is of the wrong kind or lacks a
     *     permission or role
     */
    void authorize(Subject subject, RouteAccess access);

    /**
     * Requires a customer-side subject holding every given permission (none: any customer-side subject),
     * and returns the account it acts on.
     *
     * @throws org.hostarea.core.ForbiddenException otherwise
     */
    String requireAccount(Subject subject, Permission... permissions);

    /**
     * Requires the holder of the account (not an invited user): for what only the holder may do, such as
     * inviting users or changing the account's password. Returns the account.
     *
     * @throws org.hostarea.core.ForbiddenException otherwise
     */
    String requireHolder(Subject subject);

    /**
     * For a route on one package's technical settings: the package-scoped subject of exactly that package,
     * or a customer-side subject holding every given permission. Returns the account the package must belong
     * to; the caller still loads the package through that account (another account's package: 404).
     *
     * @throws org.hostarea.core.NotFoundException for a package-scoped subject of another package
     * @throws org.hostarea.core.ForbiddenException for staff, or a customer-side subject without a permission
     */
    String requirePackage(Subject subject, String packageId, Permission... permissions);
}
