package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.hostarea.core.rest.Public;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * The OpenAPI document at {@code /api/v1/openapi.json} against the route inventory: every route the runtime
 * serves is documented with the security its declaration demands, and nothing else is; a route that appears
 * at run time appears in the document, and leaves it again.
 */
public class OpenApiIT extends HostareaTestSupport {

    private static final String DOC = "/api/v1/openapi.json";

    /** A route registered at run time, as a plugin would. */
    @Path("v1/itest-openapi-late")
    public static class LateResource {

        @GET
        @Public
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> late() {
            return Map.of("late", "yes");
        }
    }

    @Test
    public void everyRouteIsDocumentedWithItsSecurityAndNothingElse() {
        Http.Reply reply = http.get(DOC, null);
        assertEquals(reply.toString(), 200, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/json"));
        JsonNode doc = reply.json();
        assertTrue(doc.get("openapi").asText(), doc.get("openapi").asText().startsWith("3."));
        assertEquals("/api", doc.at("/servers/0/url").asText());

        JsonNode inventory = inventory();
        assertEquals(inventory.toString(), 0, inventory.get("violations").size());
        Map<String, JsonNode> routes = new HashMap<>();
        for (JsonNode route : inventory.get("routes")) {
            routes.put(route.get("method").asText() + " " + route.get("path").asText(), route);
        }
        Map<String, JsonNode> operations = operations(doc);
        assertEquals(new TreeSet<>(routes.keySet()), new TreeSet<>(operations.keySet()));
        assertTrue(routes.size() > 80);

        Set<String> schemes = names(doc.at("/components/securitySchemes"));
        assertEquals(Set.of("customer", "package", "staff"), schemes);
        for (Map.Entry<String, JsonNode> entry : operations.entrySet()) {
            String kind = routes.get(entry.getKey()).at("/access/kind").asText();
            JsonNode operation = entry.getValue();
            assertEquals(entry.getKey(), kind, operation.at("/x-hostarea-access/kind").asText());
            assertEquals(entry.getKey(), expectedSchemes(kind), securitySchemes(operation));
            assertEquals(entry.getKey(), "#/components/schemas/Problem",
                    operation.at("/responses/default/content/application~1problem+json/schema/$ref").asText());
            if (!kind.equals("PUBLIC")) {
                assertFalse(entry.getKey(), operation.at("/responses/401").isMissingNode());
                assertFalse(entry.getKey(), operation.at("/responses/403").isMissingNode());
            }
            assertTrue(entry.getKey() + " has a tag", operation.at("/tags/0").isTextual());
        }
        assertEquals("[\"PACKAGES_VIEW\"]", operations.get("GET /api/v1/me/packages/{id}").at("/x-hostarea-access/permissions").toString());
        assertEquals(List.of("customer", "package").toString(),
                securitySchemes(operations.get("PUT /api/v1/me/packages/{id}/settings")).toString());
        assertEquals("identity", operations.get("POST /api/v1/auth/login").at("/tags/0").asText());
        assertEquals("billing", operations.get("GET /api/v1/me/invoices").at("/tags/0").asText());
    }

    @Test
    public void requestAndResponseBodiesHaveSchemas() {
        JsonNode doc = http.get(DOC, null).json();
        JsonNode schemas = doc.at("/components/schemas");
        String loginBody = doc.at("/paths/~1v1~1auth~1login/post/requestBody/content/application~1json/schema/$ref").asText();
        assertTrue(loginBody, loginBody.startsWith("#/components/schemas/"));
        JsonNode login = schemas.get(loginBody.substring("#/components/schemas/".length()));
        assertNotNull(loginBody, login);
        assertTrue(login.toString(), names(login.get("properties")).containsAll(Set.of("login", "password")));

        JsonNode invoices = doc.at("/paths/~1v1~1me~1invoices/get/responses/200/content/application~1json/schema");
        assertFalse(doc.at("/paths/~1v1~1me~1invoices/get").toString(), invoices.isMissingNode());
        assertTrue(names(schemas.at("/Problem/properties")).containsAll(Set.of("type", "title", "status", "detail", "errors")));
        JsonNode invoiceParameters = doc.at("/paths/~1v1~1me~1invoices~1{id}/get/parameters");
        assertEquals("id", invoiceParameters.at("/0/name").asText());
        assertEquals("path", invoiceParameters.at("/0/in").asText());
    }

    @Test
    public void aRouteRegisteredAtRunTimeIsDocumentedUntilItGoes() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jaxrs.resource", Boolean.TRUE);
        properties.put("osgi.jaxrs.application.select", "(osgi.jaxrs.name=hostarea)");
        ServiceRegistration<Object> registration = bundleContext.registerService(Object.class, new LateResource(), properties);
        try {
            await("late route documented").atMost(Duration.ofSeconds(30))
                    .until(() -> operations(http.get(DOC, null).json()).containsKey("GET /api/v1/itest-openapi-late"));
            JsonNode late = operations(http.get(DOC, null).json()).get("GET /api/v1/itest-openapi-late");
            assertEquals("PUBLIC", late.at("/x-hostarea-access/kind").asText());
            assertEquals(0, late.get("security").size());
        } finally {
            registration.unregister();
        }
        await("late route gone").atMost(Duration.ofSeconds(30))
                .until(() -> !operations(http.get(DOC, null).json()).containsKey("GET /api/v1/itest-openapi-late"));
    }

    private JsonNode inventory() {
        Http.Reply reply = http.get("/api/v1/admin/routes", adminToken());
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json();
    }

    /** "METHOD /api/path" of every operation in the document. */
    private static Map<String, JsonNode> operations(JsonNode doc) {
        String server = doc.at("/servers/0/url").asText();
        Map<String, JsonNode> operations = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                operations.put(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + server + path.getKey(), method.getValue());
            }
        }
        return operations;
    }

    private static List<String> expectedSchemes(String kind) {
        return switch (kind) {
            case "PUBLIC" -> List.of();
            case "CUSTOMER" -> List.of("customer");
            case "PACKAGE" -> List.of("customer", "package");
            case "STAFF" -> List.of("staff");
            case "AUTHENTICATED" -> List.of("customer", "package", "staff");
            default -> throw new AssertionError("unknown access kind " + kind);
        };
    }

    /** The schemes of an operation's alternatives, in order; each alternative names one scheme. */
    private static List<String> securitySchemes(JsonNode operation) {
        JsonNode security = operation.get("security");
        assertNotNull(operation.toString(), security);
        List<String> schemes = new java.util.ArrayList<>();
        for (JsonNode alternative : security) {
            assertEquals(alternative.toString(), 1, alternative.size());
            schemes.add(alternative.fieldNames().next());
        }
        return schemes;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
