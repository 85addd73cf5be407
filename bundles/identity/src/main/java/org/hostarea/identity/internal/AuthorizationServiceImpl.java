package org.hostarea.identity.internal;

import org.hostarea.core.ForbiddenException;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.UnauthenticatedException;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Permission;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.Subject;
import org.hostarea.core.access.SubjectType;
import org.hostarea.core.access.RouteAccess;
import org.osgi.service.component.annotations.Component;

/**
 * Deny by default: a customer-side route needs a customer-side subject with every permission the
 * route names; a staff route needs a staff subject whose role is listed (ADMIN always is); a
 * staff subject never acts on customer routes and a customer never on staff routes. A package-scoped subject
 * (domain + package password) passes only package routes, and there only for its own package.
 */
@Component(service = AuthorizationService.class)
public class AuthorizationServiceImpl implements AuthorizationService {

    @Override
    public void authorize(Subject subject, RouteAccess access) {
        if (access.kind() == RouteAccess.Kind.PUBLIC) {
            return;
        }
        if (subject == null) {
            throw new UnauthenticatedException("Authentication is required.");
        }
        switch (access.kind()) {
            case AUTHENTICATED -> {
                // any live session
            }
            case CUSTOMER -> requireAccount(subject, access.permissions().toArray(Permission[]::new));
            case PACKAGE -> {
                if (subject.type() != SubjectType.PACKAGE) {
                    requireAccount(subject, access.permissions().toArray(Permission[]::new));
                }
            }
            case STAFF -> requireStaff(subject, access);
            default -> throw new ForbiddenException("Access denied.");
        }
    }

    @Override
    public String requireAccount(Subject subject, Permission... permissions) {
        if (subject == null) {
            throw new UnauthenticatedException("Authentication is required.");
        }
        if (subject.type() != SubjectType.CUSTOMER && subject.type() != SubjectType.USER || subject.accountId() == null) {
            throw new ForbiddenException("This route is for customers.");
        }
        for (Permission permission : permissions) {
            if (!subject.has(permission)) {
                throw new ForbiddenException("missing-permission", "This needs the permission " + permission + ".");
            }
        }
        return subject.accountId();
    }

    @Override
    public String requireHolder(Subject subject) {
        String account = requireAccount(subject);
        if (!subject.holder()) {
            throw new ForbiddenException("holder-only", "Only the account holder may do this.");
        }
        return account;
    }

    @Override
    public String requirePackage(Subject subject, String packageId, Permission... permissions) {
        if (subject == null) {
            throw new UnauthenticatedException("Authentication is required.");
        }
        if (subject.type() == SubjectType.PACKAGE) {
            if (!subject.packageId().equals(packageId)) {
                throw new NotFoundException("package-not-found", "There is no such package.");
            }
            return subject.accountId();
        }
        return requireAccount(subject, permissions);
    }

    private static void requireStaff(Subject subject, RouteAccess access) {
        if (subject.type() != SubjectType.STAFF) {
            throw new ForbiddenException("This route is for staff.");
        }
        boolean allowed = access.roles().isEmpty() || subject.staffRole() == StaffRole.ADMIN
                || access.roles().contains(subject.staffRole());
        if (!allowed) {
            throw new ForbiddenException("missing-role", "This needs one of the staff roles " + access.roles() + ".");
        }
    }
}
