package org.hostarea.apidocs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.core.util.Json;

import org.hostarea.core.access.Permission;
import org.hostarea.core.access.Route;
import org.hostarea.core.access.RouteAccess;
import org.hostarea.core.access.StaffRole;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    record Thing(String id, String name) {
    }

    record NewThing(String name) {
    }

    @Path("v1/me/things")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Things {

        @GET
        @Path("{id}")
        public Thing one(@PathParam("id") String id) {
            return new Thing(id, "x");
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Thing add(NewThing thing, @QueryParam("dryRun") String dryRun) {
            return new Thing("1", thing.name());
        }

        @POST
        @Path("{id}/archive")
        public void archive(@PathParam("id") String id) {
        }

        @GET
        @Path("not-served")
        public String notServed() {
            return "";
        }
    }

    @Path("v1/status")
    public static class Status {

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> status() {
            return Map.of();
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/v1/me/things/{id}", Things.class.getName() + "#one",
                    new RouteAccess(RouteAccess.Kind.CUSTOMER, Set.of(Permission.PACKAGES_VIEW), Set.of())),
            new Route("POST", "/api/v1/me/things", Things.class.getName() + "#add",
                    new RouteAccess(RouteAccess.Kind.STAFF, Set.of(), Set.of(StaffRole.values()[0]))),
            new Route("POST", "/api/v1/me/things/{id}/archive", Things.class.getName() + "#archive",
                    new RouteAccess(RouteAccess.Kind.CUSTOMER, Set.of(Permission.PACKAGES_VIEW), Set.of())),
            new Route("GET", "/api/v1/status", Status.class.getName() + "#status", RouteAccess.of(RouteAccess.Kind.PUBLIC)));

    private static JsonNode document() throws Exception {
        String json = Json.mapper().writeValueAsString(
                OpenApiDocument.of(List.of(Things.class, Status.class), ROUTES, type -> type == Status.class ? "core" : "things", "1.2.3"));
        return new ObjectMapper().readTree(json);
    }

    @Test
    void documentsWhatIsServedWithItsAccessAndNothingElse() throws Exception {
        JsonNode doc = document();
        assertTrue(doc.get("openapi").asText().startsWith("3."), doc.toString());
        assertEquals("/api", doc.at("/servers/0/url").asText());
        assertEquals(Set.of("/v1/me/things/{id}", "/v1/me/things", "/v1/me/things/{id}/archive", "/v1/status"), fieldNames(doc.get("paths")));
        assertNull(doc.at("/paths/~1v1~1me~1things~1{id}").get("post"));

        JsonNode one = doc.at("/paths/~1v1~1me~1things~1{id}/get");
        assertEquals("customer", one.at("/security/0").fieldNames().next());
        assertEquals(1, one.get("security").size());
        assertEquals("CUSTOMER", one.at("/x-hostarea-access/kind").asText());
        assertEquals("PACKAGES_VIEW", one.at("/x-hostarea-access/permissions/0").asText());
        assertEquals("id", one.at("/parameters/0/name").asText());
        assertEquals("path", one.at("/parameters/0/in").asText());
        assertEquals("#/components/schemas/Thing", one.at("/responses/200/content/application~1json/schema/$ref").asText(""),
                one.toString());
        assertEquals("#/components/schemas/Problem", one.at("/responses/401/content/application~1problem+json/schema/$ref").asText());
        assertEquals("things", one.at("/tags/0").asText());

        JsonNode add = doc.at("/paths/~1v1~1me~1things/post");
        assertEquals("staff", add.at("/security/0").fieldNames().next());
        assertEquals(StaffRole.values()[0].name(), add.at("/x-hostarea-access/roles/0").asText());
        assertEquals("#/components/schemas/NewThing", add.at("/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("dryRun", add.at("/parameters/0/name").asText());

        assertEquals(Set.of("204", "default", "401", "403"), fieldNames(doc.at("/paths/~1v1~1me~1things~1{id}~1archive/post/responses")));

        JsonNode status = doc.at("/paths/~1v1~1status/get");
        assertTrue(status.get("security").isArray(), status.toString());
        assertEquals(0, status.get("security").size());
        assertNull(status.get("responses").get("401"));
        assertNotNull(status.at("/responses/default"));

        JsonNode schemas = doc.at("/components/schemas");
        assertEquals(Set.of("id", "name"), fieldNames(schemas.at("/Thing/properties")));
        assertEquals(Set.of("type", "title", "status", "detail", "requestId", "errors"), fieldNames(schemas.at("/Problem/properties")));
        assertEquals(Set.of("field", "message"), fieldNames(schemas.at("/FieldError/properties")));
        assertEquals(Set.of("customer", "package", "staff"), fieldNames(doc.at("/components/securitySchemes")));
        assertEquals("bearer", doc.at("/components/securitySchemes/staff/scheme").asText());
    }

    @Test
    void tagsAreTheBundleNames() {
        assertEquals("billing", OpenApiDocument.tagOfBundle("org.hostarea.billing"));
        assertEquals("payment.paypal", OpenApiDocument.tagOfBundle("org.hostarea.payment.paypal"));
        assertNull(OpenApiDocument.tagOfBundle(null));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
