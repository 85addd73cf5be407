package org.hostarea.identity.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;

import org.hostarea.core.rest.Public;
import org.hostarea.core.access.Permission;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.access.RouteAccess;
import org.hostarea.core.access.StaffRoute;
import org.junit.jupiter.api.Test;

class RouteDeclarationsTest {

    @Path("v1/me/things/")
    @CustomerRoute(Permission.PACKAGES_VIEW)
    static class Things {

        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("/{id}")
        @CustomerRoute({Permission.PACKAGES_VIEW, Permission.DOMAINS_VIEW})
        public String one() {
            return "";
        }

        @GET
        @Path("public-info")
        @Public
        public String info() {
            return "";
        }

        public String notARoute() {
            return "";
        }
    }

    @Path("v1/careless")
    static class Careless {

        @GET
        @Public
        public String fine() {
            return "";
        }

        @POST
        public String forgotten() {
            return "";
        }

        @DELETE
        @Public
        @StaffRoute(StaffRole.ADMIN)
        public String confused() {
            return "";
        }
    }

    @Test
    void readsMethodAndClassDeclarations() {
        Map<String, Optional<RouteAccess>> routes = routes(Things.class);
        assertEquals(Set.of("GET /v1/me/things", "GET /v1/me/things/{id}", "GET /v1/me/things/public-info"), routes.keySet());
        assertEquals(Set.of(Permission.PACKAGES_VIEW), routes.get("GET /v1/me/things").orElseThrow().permissions());
        assertEquals(Set.of(Permission.PACKAGES_VIEW, Permission.DOMAINS_VIEW),
                routes.get("GET /v1/me/things/{id}").orElseThrow().permissions(), "the method's declaration replaces the class's");
        assertEquals(RouteAccess.Kind.PUBLIC, routes.get("GET /v1/me/things/public-info").orElseThrow().kind());
    }

    @Test
    void catchesUndeclaredAndConflictingRoutes() {
        Map<String, Optional<RouteAccess>> routes = routes(Careless.class);
        assertTrue(routes.get("GET /v1/careless").isPresent());
        assertTrue(routes.get("POST /v1/careless").isEmpty(), "no declaration: caught");
        assertTrue(routes.get("DELETE /v1/careless").isEmpty(), "two declarations: caught");
    }

    @Test
    void normalisesPathsLikeTheWhiteboard() {
        assertEquals("/v1/a/b", RouteDeclarations.normalize("v1//a/b/"));
        assertEquals("/", RouteDeclarations.normalize(""));
        assertEquals(List.of("/v1/x/{id}"), List.of(RouteDeclarations.normalize("/v1/x/" + "/{id}")));
    }

    @Test
    void readsBearerTokens() {
        assertEquals(Optional.of("abc"), RouteGuard.bearerToken("Bearer abc"));
        assertEquals(Optional.of("abc"), RouteGuard.bearerToken("bearer abc"));
        assertEquals(Optional.empty(), RouteGuard.bearerToken("Basic abc"));
        assertEquals(Optional.empty(), RouteGuard.bearerToken("Bearer "));
        assertEquals(Optional.empty(), RouteGuard.bearerToken(null));
    }

    private static Map<String, Optional<RouteAccess>> routes(Class<?> type) {
        return RouteDeclarations.resourceMethods(type).stream()
                .collect(Collectors.toMap(m -> m.httpMethod() + " " + m.path(), RouteDeclarations.ResourceMethod::access));
    }
}
