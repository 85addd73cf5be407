package org.hostarea.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The platform: bundles and components up, health, request ids, and problem+json for every HTTP-level error. */
public class PlatformIT extends HostareaTestSupport {

    @Inject
    ServiceComponentRuntime scr;

    @Test
    public void everyHostareaBundleIsActiveAndEveryComponentSatisfied() {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> found = new java.util.HashSet<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (!bundle.getSymbolicName().startsWith("org.hostarea.")) {
                continue;
            }
            found.add(bundle.getSymbolicName());
            if (bundle.getState() != Bundle.ACTIVE) {
                problems.add(bundle.getSymbolicName() + " is in state " + bundle.getState());
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                if (!scr.isComponentEnabled(description)) {
                    problems.add(description.name + " is disabled");
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state != ComponentConfigurationDTO.ACTIVE
                            && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                        problems.add(description.name + " is unsatisfied: " + java.util.Arrays.toString(configuration.unsatisfiedReferences));
                    }
                }
            }
        }
        assertTrue(found.toString(), found.containsAll(List.of("org.hostarea.core", "org.hostarea.identity",
                "org.hostarea.notifications", "org.hostarea.contacts")));
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    @Test
    public void healthReportsTheDatabase() {
        Http.Reply reply = http.get("/api/v1/health", null);
        assertEquals(200, reply.status());
        assertEquals("UP", reply.json().get("status").asText());
        assertEquals("UP", reply.json().get("checks").get("database").asText());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/json"));
    }

    @Test
    public void requestIdIsEchoedOrGenerated() {
        Http.Reply echoed = http.send("GET", "/api/v1/health", null, null, null, Map.of("X-Request-Id", "itest-req-42"));
        assertEquals("itest-req-42", echoed.header("X-Request-Id"));
        Http.Reply generated = http.get("/api/v1/health", null);
        assertNotNull(generated.header("X-Request-Id"));
        // a hostile id (header injection, log forging) is replaced, not echoed
        Http.Reply hostile = http.send("GET", "/api/v1/health", null, null, null, Map.of("X-Request-Id", "a b<script>"));
        assertTrue(hostile.header("X-Request-Id").matches("[0-9a-f-]{36}"));
        assertEquals("nosniff", generated.header("X-Content-Type-Options"));
        assertEquals("no-store", generated.header("Cache-Control"));
    }

    @Test
    public void requestIdIsInTheLogLinesOfTheRequest() throws Exception {
        String requestId = "itest-log-" + unique();
        http.send("GET", "/api/v1/no-such-route", null, null, null, Map.of("X-Request-Id", requestId));
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("karaf.log"), "karaf.log");
        org.awaitility.Awaitility.await("log line with the request id").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> java.nio.file.Files.readString(log).contains("[requestId=" + requestId + "]"));
    }

    @Test
    public void unknownRouteIsA404Problem() {
        Http.Reply reply = http.send("GET", "/api/v1/no-such-route", null, null, null, Map.of("X-Request-Id", "itest-404"));
        assertProblem(reply, 404, "route-not-found");
        assertEquals("itest-404", reply.json().get("requestId").asText());
        assertEquals("itest-404", reply.header("X-Request-Id"));
    }

    @Test
    public void unsupportedMethodIsA405ProblemWithAllow() {
        Http.Reply reply = http.send("DELETE", "/api/v1/health", null, null, null, Map.of());
        assertProblem(reply, 405, "method-not-allowed");
        assertTrue(reply.header("Allow"), reply.header("Allow").contains("GET"));
    }

    @Test
    public void wrongMediaTypeIsA415Problem() {
        Http.Reply reply = http.send("POST", "/api/v1/auth/login", "login=a&password=b",
                "application/x-www-form-urlencoded", null, Map.of());
        assertProblem(reply, 415, "unsupported-media-type");
    }

    @Test
    public void malformedJsonIsA400Problem() {
        assertProblem(http.post("/api/v1/auth/login", "{\"login\": \"x\",", null), 400, "malformed-json");
        assertProblem(http.post("/api/v1/auth/login", "{\"login\":\"a\",\"login\":\"b\",\"password\":\"c\"}", null), 400,
                "malformed-json");
    }

    @Test
    public void unknownFieldsAndWrongTypesAreFieldErrors() {
        Http.Reply unknown = http.post("/api/v1/auth/login", "{\"login\":\"a\",\"password\":\"b\",\"admin\":true}", null);
        assertProblem(unknown, 400, "validation");
        assertEquals("admin", unknown.json().get("errors").get(0).get("field").asText());

        Http.Reply wrongType = http.post("/api/v1/auth/login", "{\"login\":12345678,\"password\":\"b\"}", null);
        assertProblem(wrongType, 400, "validation");
        assertEquals("login", wrongType.json().get("errors").get(0).get("field").asText());
        assertEquals("must be a string", wrongType.json().get("errors").get(0).get("message").asText());
    }

    @Test
    public void missingBodyAndMissingFieldsAre400Problems() {
        assertProblem(http.send("POST", "/api/v1/auth/login", null, "application/json", null, Map.of()), 400, "body-required");
        Http.Reply missing = http.post("/api/v1/auth/login", "{}", null);
        assertProblem(missing, 400, "validation");
        assertEquals(2, missing.json().get("errors").size());
    }

    @Test
    public void noVersionIsAnnouncedAndTraceIsRefused() {
        Http.Reply health = http.get("/api/v1/health", null);
        String server = health.header("Server");
        assertTrue("Server: " + server, server == null || !server.matches(".*\\d.*"));
        assertTrue(health.header("X-Powered-By") == null);
        Http.Reply trace = http.send("TRACE", "/api/v1/health", null, null, null, Map.of());
        assertTrue(trace.toString(), trace.status() == 405 || trace.status() == 403);
        assertFalse(trace.body(), trace.body().contains("TRACE /api"));
    }

    static void assertProblem(Http.Reply reply, int status, String type) {
        assertEquals(reply.toString(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        assertEquals(reply.toString(), type, reply.problemType());
        assertEquals(status, reply.json().get("status").asInt());
        assertTrue(reply.toString(), reply.json().hasNonNull("title") && reply.json().hasNonNull("detail"));
        assertNotNull(reply.json().get("requestId"));
    }

    /** Core's periodic-work leases run on the migrated core schema of the configured database, and name this node. */
    @Test
    public void periodicWorkIsLeasedInTheDatabase() throws Exception {
        org.hostarea.core.lease.PeriodicLeases leases = bundleContext.getService(
                bundleContext.getServiceReference(org.hostarea.core.lease.PeriodicLeases.class));
        String work = "itest-" + unique();
        assertTrue(leases.acquire(work, java.time.Duration.ofMinutes(5)));
        assertTrue("the holder keeps its work", leases.acquire(work, java.time.Duration.ofMinutes(5)));
        javax.sql.DataSource core = bundleContext.getService(bundleContext.getServiceReferences(javax.sql.DataSource.class,
                "(osgi.jndi.service.name=hostarea-core)").iterator().next());
        try (java.sql.Connection connection = core.getConnection();
                java.sql.PreparedStatement query = connection.prepareStatement("SELECT OWNER, UNTIL_MILLIS FROM HA_LEASE WHERE NAME = ?")) {
            query.setString(1, work);
            try (java.sql.ResultSet row = query.executeQuery()) {
                assertTrue("the lease is a row of HA_LEASE", row.next());
                assertEquals(leases.node(), row.getString(1));
                assertTrue("it lasts the period", row.getLong(2) > System.currentTimeMillis() + 60_000);
            }
        }
    }
}
