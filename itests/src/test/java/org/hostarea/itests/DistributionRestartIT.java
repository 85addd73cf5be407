package org.hostarea.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The distribution as an operator runs it: unpacked from the tar.gz, started with {@code bin/start},
 * stopped with {@code bin/stop} and started again. Accounts and live tokens survive the restart (they
 * are in the Derby database under {@code db/}); logout after it is final. Runs outside Pax Exam, on
 * its own ports.
 */
class DistributionRestartIT {

    /** One customer route of each bundle that serves some, and the billing jobs (registered last). */
    private static final List<String> ROUTES = List.of("/api/v1/me", "/api/v1/me/messages", "/api/v1/me/contacts",
            "/api/v1/me/packages", "/api/v1/me/invoices", "/api/v1/me/payments", "/api/v1/me/payment-methods",
            "/api/v1/me/payment-gateways", "/api/v1/me/credit", "/api/v1/me/forms", "/api/v1/admin/jobs");

    private Distribution karaf;

    @Test
    void accountsAndTokensSurviveARestart() throws Exception {
        karaf = Distribution.unpack("restart-it", "18281", "18211", "11299", "44464");
        Http http = karaf.http;
        karaf.start(ROUTES);
        String email = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String out = karaf.client("hostarea:customer-add --password restart-secret-password 'Rita Restart' " + email, Duration.ofMinutes(1));
        assertTrue(out.contains("Created customer"), out);

        Http.Reply login = http.post("/api/v1/auth/login", Http.json(Map.of("login", email, "password", "restart-secret-password")), null);
        assertEquals(200, login.status(), login.toString());
        String token = login.json().get("token").asText();
        String number = login.json().get("scope").get("customerNumber").asText();

        karaf.stop();
        karaf.start(ROUTES);

        Http.Reply me = http.get("/api/v1/me", token);
        assertEquals(200, me.status(), me.toString());
        assertEquals(number, me.json().get("customerNumber").asText());
        assertEquals(200, http.post("/api/v1/auth/login", Http.json(Map.of("login", number, "password", "restart-secret-password")), null).status());
        assertEquals(204, http.post("/api/v1/auth/logout", null, token).status());
        assertEquals(401, http.get("/api/v1/me", token).status());
        karaf.stop();
        if (TestDatabase.postgres()) {
            assertTrue(Files.notExists(karaf.home().resolve("db/hostarea")), "on PostgreSQL no Derby database is made");
        } else {
            assertTrue(Files.isDirectory(karaf.home().resolve("db/hostarea")), "the database lives in db/, outside data/");
        }
        try (java.sql.Connection db = karaf.openDatabase();
                java.sql.PreparedStatement query = db.prepareStatement("select count(*) from HA_ACCOUNT where CUSTOMER_NUMBER = ?")) {
            query.setString(1, number);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1), "the account is in the configured database");
            }
        } finally {
            karaf.closeDatabase();
        }
    }

    @AfterEach
    void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }
}
