package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A route whose component fails while the whiteboard adds it (as can happen while every bundle starts at once, in a
 * {@code feature:install hostarea} or a cold start) is held by Aries JAX-RS as "not gettable" and never tried again;
 * Hostarea registers its component anew and the route is served. A component that fails every time is given up after a
 * few tries and reported in the route inventory's {@code unserved} list. The fixtures are in
 * {@code hostarea-itest-support}: inert until configured here.
 */
public class WhiteboardRepairIT extends HostareaTestSupport {

    private static final String FAIL_FIRST_PID = "org.hostarea.itest.failfirst";
    private static final String FAILING_PID = "org.hostarea.itest.failing";

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Test
    public void aRouteWhoseComponentFailedOnceIsServedAgain() throws Exception {
        Path marker = Files.createTempFile("itest-fail-first", ".marker");
        Configuration configuration = configurationAdmin.getConfiguration(FAIL_FIRST_PID, "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("marker", marker.toString());
        configuration.update(properties);
        try {
            // the whiteboard asked for the service once: that activation failed (and took the marker away)
            await("first activation").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !Files.exists(marker));
            await("route served after the repair").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> http.get("/api/v1/itest-fail-first", null).status() == 200);
            assertEquals("served", http.get("/api/v1/itest-fail-first", null).json().get("status").asText());
            await("nothing unserved").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> unserved().isEmpty());
            await("the repair logged").atMost(Duration.ofSeconds(10))
                    .until(() -> log().contains("registering component org.hostarea.itest.support.FailFirstResource"));
        } finally {
            configuration.delete();
            Files.deleteIfExists(marker);
        }
        await("route gone with its configuration").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/api/v1/itest-fail-first", null).status() == 404);
    }

    @Test
    public void aComponentThatAlwaysFailsIsGivenUpAndReported() throws Exception {
        Configuration configuration = configurationAdmin.getConfiguration(FAILING_PID, "?");
        configuration.update(new Hashtable<>(java.util.Map.of("enabled", "true")));
        try {
            await("given up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> log().contains("also after registering component org.hostarea.itest.support.FailingResource anew"));
            JsonNode unserved = unserved();
            assertEquals(unserved.toString(), 1, unserved.size());
            assertTrue(unserved.toString(), unserved.get(0).asText().contains("org.hostarea.itest.support.FailingResource"));
            assertTrue(unserved.toString(), unserved.get(0).asText().contains("could not be got"));
            PlatformIT.assertProblem(http.get("/api/v1/itest-failing", null), 404, "route-not-found");
            // the rest of the API is not disturbed
            assertEquals(200, http.get("/api/v1/health", null).status());
        } finally {
            configuration.delete();
        }
        await("reported no more once its configuration is gone").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> unserved().isEmpty());
        assertFalse(unserved().toString(), unserved().toString().contains("FailingResource"));
    }

    private JsonNode unserved() {
        Http.Reply reply = http.get("/api/v1/admin/routes", adminToken());
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json().get("unserved");
    }

    private static String log() throws java.io.IOException {
        return Files.readString(Path.of(System.getProperty("karaf.log"), "karaf.log"));
    }
}
