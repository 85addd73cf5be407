package org.hostarea.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first steps of the README on a fresh distribution: {@code hostarea:demo-load} in the console, then the
 * customer area over REST as the demo customers and the demo staff user see it. A second load changes nothing.
 */
class DemoLoadIT {

    private static final String PASSWORD = "demo-password-2026";
    private static final List<String> ROUTES = List.of("/api/v1/me", "/api/v1/me/invoices", "/api/v1/me/credit", "/api/v1/me/contacts",
            "/api/v1/me/packages", "/api/v1/admin/jobs");

    private Distribution karaf;

    @Test
    void aNewcomerSeesAPopulatedCustomerArea() throws Exception {
        karaf = Distribution.unpack("demo-it", "18881", "18811", "11899", "44894");
        Http http = karaf.http;
        karaf.start(ROUTES);
        String out = karaf.client("hostarea:demo-load --password " + PASSWORD, Duration.ofMinutes(2));
        assertTrue(out.contains("Demo data loaded"), out);
        assertTrue(out.contains("ana@demo.example") && out.contains("ben@demo.example") && out.contains("chloe@demo.example"), out);

        // Ana: two packages, her contacts, one paid and one unpaid invoice, credit
        String ana = token(http, "ana@demo.example", PASSWORD);
        assertEquals(2, http.get("/api/v1/me/packages", ana).json().get("items").size());
        List<String> statuses = new ArrayList<>();
        for (JsonNode invoice : http.get("/api/v1/me/invoices", ana).json().get("items")) {
            statuses.add(invoice.get("status").asText());
        }
        statuses.sort(null);
        assertEquals(List.of("PAID", "UNPAID"), statuses);
        assertTrue(http.get("/api/v1/me/credit", ana).body().contains("15.00"));
        JsonNode contacts = http.get("/api/v1/me/contacts", ana).json();
        assertTrue(contacts.toString().contains("luis@demo.example") && contacts.toString().contains("marta@demo.example"), contacts.toString());

        // Ben: an overdue renewal invoice
        String ben = token(http, "ben@demo.example", PASSWORD);
        JsonNode benInvoices = http.get("/api/v1/me/invoices", ben).json().get("items");
        assertEquals(1, benInvoices.size(), benInvoices.toString());
        assertEquals("UNPAID", benInvoices.get(0).get("status").asText());
        assertTrue(LocalDate.parse(benInvoices.get(0).get("dueDate").asText()).isBefore(LocalDate.now(ZoneOffset.UTC)), benInvoices.toString());

        // Chloé's web designer: the domain and the package password open that package's technical settings only
        String chloe = token(http, "chloe@demo.example", PASSWORD);
        String packageId = http.get("/api/v1/me/packages", chloe).json().at("/items/0/id").asText();
        String designer = token(http, "chloe-martin.example", PASSWORD + "-designer");
        assertEquals(200, http.get("/api/v1/me/packages/" + packageId + "/technical", designer).status());
        assertEquals(403, http.get("/api/v1/me/packages/" + packageId, designer).status());

        // the demo staff user, and the API's own description
        String staff = karaf.staffToken("demo-staff", PASSWORD);
        assertEquals(200, http.get("/api/v1/admin/jobs", staff).status());
        assertEquals(200, http.get("/api/v1/openapi.json", null).status());

        String again = karaf.client("hostarea:demo-load --password " + PASSWORD, Duration.ofMinutes(1));
        assertTrue(again.contains("loaded already"), again);
        assertFalse(again.contains("Demo data loaded"), again);
        assertEquals(2, http.get("/api/v1/me/packages", token(http, "ana@demo.example", PASSWORD)).json().get("items").size());
        karaf.stop();
    }

    private static String token(Http http, String login, String password) {
        Http.Reply reply = http.post("/api/v1/auth/login", Http.json(Map.of("login", login, "password", password)), null);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().get("token").asText();
    }

    @AfterEach
    void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }
}
