package org.hostarea.core.access;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.hostarea.core.UnauthenticatedException;
import org.hostarea.core.access.Subject;

/**
 * The route guard puts the authenticated {@link Subject} into the request's {@link SecurityContext};
 * resources take it from there with {@code Callers.subject(securityContext)}.
 */
public final class Callers {

    /** The principal of an authenticated Hostarea request. */
    public record SubjectPrincipal(Subject subject) implements Principal {

        @Override
        public String getName() {
            return subject.id();
        }
    }

    private Callers() {
    }

    /** @throws UnauthenticatedException if the request carries no authenticated subject */
    public static Subject subject(SecurityContext context) {
        Principal principal = context == null ? null : context.getUserPrincipal();
        if (principal instanceof SubjectPrincipal subjectPrincipal) {
            return subjectPrincipal.subject();
        }
        throw new UnauthenticatedException("Authentication is required.");
    }
}
