package org.hostarea.identity.internal.rest;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.core.ForbiddenException;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.identity.AuthenticationService;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Subject;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.PackageRoute;
import org.hostarea.core.access.RouteAccess;
import org.hostarea.core.access.SubjectType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route guard: runs after route matching for every request of the application, reads the matched
 * method's access declaration, authenticates the bearer token and asks the authorization service.
 * A route without a declaration is refused (deny by default) and logged as the defect it is. A
 * package-scoped token passes a package route only when the route's {@code {id}} is its package (404
 * otherwise), whatever the resource then does. The
 * application is not served while this guard is absent.
 */
@Component(service = ContainerRequestFilter.class, immediate = true,
        property = HostareaApi.ROUTE_GUARD_PROPERTY + ":Boolean=true")
@JaxrsExtension
@JaxrsName("hostarea.route-guard")
@JaxrsApplicationSelect(HostareaApi.SELECT)
@Priority(Priorities.AUTHENTICATION)
public class RouteGuard implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RouteGuard.class);
    private static final String BEARER = "Bearer ";

    private final AuthenticationService authentication;
    private final AuthorizationService authorization;

    @Context
    private ResourceInfo resourceInfo;

    @Activate
    public RouteGuard(@Reference AuthenticationService authentication, @Reference AuthorizationService authorization) {
        this.authentication = authentication;
        this.authorization = authorization;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Optional<RouteAccess> access = method == null ? Optional.empty()
                : RouteDeclarations.of(method, resourceInfo.getResourceClass());
        if (access.isEmpty()) {
            LOG.error("refused {} {}: the route declares no access (or conflicting ones): {}", request.getMethod(),
                    request.getUriInfo().getPath(), method);
            throw new ForbiddenException("route-undeclared", "This route is not available.");
        }
        if (access.get().kind() == RouteAccess.Kind.PUBLIC) {
            return;
        }
        Subject subject = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(authentication::authenticate).orElse(null);
        authorization.authorize(subject, access.get());
        if (access.get().kind() == RouteAccess.Kind.PACKAGE && subject.type() == SubjectType.PACKAGE
                && !subject.packageId().equals(request.getUriInfo().getPathParameters().getFirst(PackageRoute.PACKAGE_ID))) {
            throw new NotFoundException("package-not-found", "There is no such package.");
        }
        request.setSecurityContext(new SubjectSecurityContext(subject, request.getSecurityContext().isSecure()));
    }

    /** The token of an {@code Authorization: Bearer} header value, if there is one. */
    static Optional<String> bearerToken(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    private record SubjectSecurityContext(Subject subject, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return new Callers.SubjectPrincipal(subject);
        }

        @Override
        public boolean isUserInRole(String role) {
            return subject.staffRole() != null && subject.staffRole().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
