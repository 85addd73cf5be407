package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;

/**
 * Every route of the running application declares who may call it. The inventory is read from the
 * whiteboard runtime, so it is checked here against the runtime itself, and a deliberately undeclared
 * route shows that the checker reports it and the guard refuses it.
 */
public class RouteInventoryIT extends HostareaTestSupport {

    @Inject
    JaxrsServiceRuntime runtime;

    /** A resource without an access declaration: what a careless new bundle might register. */
    @Path("v1/itest-undeclared")
    public static class UndeclaredResource {

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> secrets() {
            return Map.of("secret", "should never be served");
        }
    }

    @Test
    public void everyRouteIsDeclaredAndTheInventoryMatchesTheRuntime() {
        JsonNode inventory = inventory();
        assertEquals(inventory.toString(), 0, inventory.get("violations").size());
        // everything of the application that is registered is served (nothing failed or waits for an extension)
        assertEquals(inventory.toString(), 0, inventory.get("unserved").size());

        Set<String> listed = new HashSet<>();
        for (JsonNode route : inventory.get("routes")) {
            assertTrue(route.toString(), route.hasNonNull("access"));
            listed.add(route.get("method").asText() + " " + route.get("path").asText());
        }
        Set<String> served = new HashSet<>();
        for (ApplicationDTO application : runtime.getRuntimeDTO().applicationDTOs) {
            if ("hostarea".equals(application.name)) {
                for (ResourceDTO resource : application.resourceDTOs) {
                    for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                        served.add(method.method + " /api" + method.path);
                    }
                }
            }
        }
        assertEquals(served, listed);
        for (String route : new String[] {"GET /api/v1/health", "POST /api/v1/auth/login", "POST /api/v1/auth/logout",
                "GET /api/v1/me", "POST /api/v1/admin/auth/login", "POST /api/v1/admin/customers",
                "GET /api/v1/admin/customers/{id}", "GET /api/v1/admin/routes", "GET /api/v1/me/messages",
                "GET /api/v1/me/messages/{id}", "POST /api/v1/admin/messages", "GET /api/v1/admin/messages",
                "GET /api/v1/admin/messages/{id}", "POST /api/v1/admin/messages/{id}/retry", "POST /api/v1/auth/password-reset",
                "POST /api/v1/auth/password-reset/confirm", "PUT /api/v1/me/password", "GET /api/v1/me/sessions",
                "DELETE /api/v1/me/sessions/{id}", "GET /api/v1/admin/security-events", "GET /api/v1/me/profile",
                "PUT /api/v1/me/profile", "GET /api/v1/me/contacts", "POST /api/v1/me/contacts", "DELETE /api/v1/me/contacts/{id}",
                "POST /api/v1/contacts/verify", "GET /api/v1/me/users", "POST /api/v1/me/users/invitations",
                "PUT /api/v1/me/users/{id}/permissions", "DELETE /api/v1/me/users/{id}", "POST /api/v1/auth/invitations/accept", "PUT /api/v1/me/email", "POST /api/v1/auth/email-change/confirm",
                "GET /api/v1/catalog", "GET /api/v1/catalog/{code}", "POST /api/v1/admin/catalog/plans", "PUT /api/v1/admin/catalog/plans/{id}",
                "GET /api/v1/me/packages", "GET /api/v1/me/packages/{id}", "GET /api/v1/me/packages/{id}/technical",
                "PUT /api/v1/me/packages/{id}/settings", "POST /api/v1/me/packages/{id}/plan-changes", "PUT /api/v1/me/packages/{id}/password",
                "POST /api/v1/me/packages/{id}/cancellation", "GET /api/v1/me/domains", "POST /api/v1/admin/packages",
                "PUT /api/v1/admin/packages/{id}/usage", "POST /api/v1/admin/packages/{id}/suspend",
                "GET /api/v1/me/invoices", "GET /api/v1/me/invoices/{id}", "GET /api/v1/me/invoices/{id}/pdf",
                "POST /api/v1/me/invoices/{id}/apply-credit", "GET /api/v1/me/credit", "POST /api/v1/admin/invoices",
                "POST /api/v1/admin/invoices/{id}/issue", "POST /api/v1/admin/invoices/{id}/cancel", "POST /api/v1/admin/credit",
                "POST /api/v1/me/payments", "GET /api/v1/me/payments", "GET /api/v1/me/payments/{id}", "POST /api/v1/me/invoices/{id}/payments",
                "GET /api/v1/me/payment-gateways", "POST /api/v1/payments/callback/{gateway}", "GET /api/v1/admin/payments",
                "POST /api/v1/admin/payments/reconcile", "POST /api/v1/me/payments/reports", "GET /api/v1/me/payments/reports",
                "GET /api/v1/admin/payment-reports", "POST /api/v1/admin/payment-reports/{id}/confirm",
                "POST /api/v1/admin/payment-reports/{id}/reject", "POST /api/v1/me/credit/add-funds", "POST /api/v1/admin/invoices/{id}/refund", "GET /api/v1/me/payment-methods", "POST /api/v1/me/payment-methods",
                "PUT /api/v1/me/payment-methods/{id}/default", "DELETE /api/v1/me/payment-methods/{id}",
                "POST /api/v1/admin/payments/bank-statements", "GET /api/v1/admin/payments/bank-entries", "POST /api/v1/me/payments/{id}/refresh", "GET /api/v1/admin/exchange-rates", "PUT /api/v1/admin/exchange-rates/{from}/{to}"}) {
            assertTrue(route + " in " + listed, listed.contains(route));
        }
        assertEquals("PUBLIC", accessOf(inventory, "GET", "/api/v1/health"));
        assertEquals("CUSTOMER", accessOf(inventory, "GET", "/api/v1/me"));
        assertEquals("STAFF", accessOf(inventory, "GET", "/api/v1/admin/routes"));
        assertEquals("CUSTOMER", accessOf(inventory, "GET", "/api/v1/me/messages/{id}"));
        assertEquals("PACKAGE", accessOf(inventory, "PUT", "/api/v1/me/packages/{id}/settings"));
        assertEquals("CUSTOMER", accessOf(inventory, "GET", "/api/v1/me/packages/{id}"));
        assertEquals("PUBLIC", accessOf(inventory, "GET", "/api/v1/catalog"));
    }

    /**
     * Every listed route is reachable: JAX-RS picks a root resource before it looks at methods and never backtracks,
     * so a resource rooted at {@code v1/me/invoices} would silently shadow a {@code invoices/...} route of one rooted
     * at {@code v1/me}. Each route is called once (with a staff token, random ids and an empty body) and must not
     * answer the router's own 404 or 405.
     */
    @Test
    public void everyListedRouteIsReachable() {
        String staff = adminToken();
        List<String> unreachable = new ArrayList<>();
        for (JsonNode route : inventory().get("routes")) {
            String method = route.get("method").asText();
            String path = route.get("path").asText().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            if (path.equals("/api/v1/auth/logout") || path.equals("/api/v1/admin/auth/logout")) {
                continue; // would end the shared staff session
            }
            boolean body = method.equals("POST") || method.equals("PUT");
            Http.Reply reply = http.send(method, path, body ? "{}" : null, body ? "application/json" : null, staff, Map.of());
            if ("route-not-found".equals(reply.problemType()) || "method-not-allowed".equals(reply.problemType())) {
                unreachable.add(method + " " + route.get("path").asText() + " -> " + reply.status() + " " + reply.problemType());
            }
        }
        assertTrue("listed but unreachable: " + unreachable, unreachable.isEmpty());
    }

    @Test
    public void anUndeclaredRouteIsReportedAndRefused() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jaxrs.resource", Boolean.TRUE);
        properties.put("osgi.jaxrs.application.select", "(osgi.jaxrs.name=hostarea)");
        ServiceRegistration<Object> registration = bundleContext.registerService(Object.class, new UndeclaredResource(), properties);
        try {
            await("undeclared route deployed").atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/api/v1/itest-undeclared", null).status() != 404);
            Http.Reply refused = http.get("/api/v1/itest-undeclared", adminToken());
            assertProblem(refused, 403, "route-undeclared");
            assertTrue(refused.body(), !refused.body().contains("should never be served"));

            JsonNode violations = inventory().get("violations");
            assertEquals(violations.toString(), 1, violations.size());
            assertTrue(violations.toString(), violations.get(0).asText().contains("GET /api/v1/itest-undeclared"));
        } finally {
            registration.unregister();
        }
        await("undeclared route gone").atMost(Duration.ofSeconds(30))
                .until(() -> inventory().get("violations").size() == 0);
    }

    private JsonNode inventory() {
        Http.Reply reply = http.get("/api/v1/admin/routes", adminToken());
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json();
    }

    private static String accessOf(JsonNode inventory, String method, String path) {
        for (JsonNode route : inventory.get("routes")) {
            if (route.get("method").asText().equals(method) && route.get("path").asText().equals(path)) {
                return route.get("access").get("kind").asText();
            }
        }
        throw new AssertionError(method + " " + path + " not in the inventory");
    }
}
