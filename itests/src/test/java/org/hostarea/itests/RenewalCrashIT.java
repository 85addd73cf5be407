package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of Karaf in the middle of a renewal run for 10 000 packages: after the restart the node frees its
 * lease, the killed run shows ABANDONED, and running the job again for the same day finishes the rest. Then,
 * read straight from the database: every package has exactly one invoice for the term, and the invoice numbers
 * run from 1 without a gap (a chunk that died rolled its numbers back with it).
 */
class RenewalCrashIT {

    private static final int PACKAGES = 10_000;
    private static final List<String> ROUTES = List.of("/api/v1/me", "/api/v1/me/packages", "/api/v1/me/invoices", "/api/v1/admin/jobs");

    private Distribution karaf;

    @Test
    void aRenewalRunKilledMidwayIsFinishedByTheNextRunWithOneInvoicePerPackageAndNoGap() throws Exception {
        karaf = Distribution.unpack("crash-it", "18381", "18311", "11399", "44474");
        karaf.set("etc/org.hostarea.billing.cfg", "jobs.dailyTime", "");
        karaf.set("etc/org.hostarea.billing.cfg", "renewal.groupByAccount", "false"); // one invoice per package: a long run
        karaf.set("etc/org.hostarea.billing.cfg", "credit.autoApply", "false");
        karaf.start(ROUTES);
        String installed = karaf.client("feature:install hostarea-benchmark", Duration.ofMinutes(2));
        assertTrue(!installed.contains("Error"), installed);
        String seeded = karaf.client("hostarea:bench-seed --accounts 200 --packages " + PACKAGES + " --start 2021-01-01",
                Duration.ofMinutes(10));
        assertTrue(seeded.contains("Seeded 200 accounts and " + PACKAGES + " packages"), seeded);
        String password = UUID.randomUUID().toString();
        String staff = karaf.client("hostarea:staff-add --role ADMIN --password " + password + " crash-admin", Duration.ofMinutes(1));
        assertTrue(staff.contains("Created staff user crash-admin"), staff);
        String token = karaf.staffToken("crash-admin", password);

        // the run, killed once its first chunks are committed
        CompletableFuture<Http.Reply> killed = CompletableFuture.supplyAsync(() -> karaf.http.post("/api/v1/admin/jobs/renewals/run",
                Http.json(Map.of("asOf", "2021-01-22")), token, Duration.ofMinutes(10)));
        await("the first chunks committed").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> invoiceCount(token) >= 400);
        karaf.kill();
        assertTrue(killed.handle((reply, error) -> error != null || reply.status() != 200).get(), "the run ended before the kill");

        karaf.start(ROUTES);
        String again = karaf.staffToken("crash-admin", password);
        int before = invoiceCount(again);
        assertTrue(before >= 400 && before < PACKAGES, "invoices before the re-run: " + before);
        Http.Reply rerun = karaf.http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of("asOf", "2021-01-22")), again,
                Duration.ofMinutes(10));
        assertEquals(200, rerun.status(), rerun.toString());
        JsonNode run = rerun.json();
        assertEquals("COMPLETED", run.get("status").asText(), run.toString());
        assertEquals(0, run.get("errorCount").asInt(), run.toString());
        assertEquals(before, run.get("counts").get("already-billed").asInt(), run.toString());
        assertEquals(PACKAGES - before, run.get("counts").get("invoices").asInt(), run.toString());
        JsonNode history = karaf.http.get("/api/v1/admin/jobs/runs?job=renewals", again).json().get("items");
        assertEquals("COMPLETED", history.get(0).get("status").asText());
        assertEquals("ABANDONED", history.get(1).get("status").asText(), history.toString());
        karaf.stop();

        try (Connection db = karaf.openDatabase();
                Statement sql = db.createStatement()) {
            assertEquals(PACKAGES, single(sql, "select count(*) from HA_RENEWAL where PERIOD_START = DATE('2021-02-01')"));
            assertEquals(PACKAGES, single(sql, "select count(*) from HA_INVOICE_LINE where PERIOD_START = DATE('2021-02-01')"));
            assertEquals(PACKAGES, single(sql, "select count(distinct PACKAGE_ID) from HA_INVOICE_LINE where PERIOD_START = DATE('2021-02-01')"));
            assertEquals(PACKAGES, single(sql, "select count(*) from HA_INVOICE"));
            List<Long> numbers = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select NUMBER from HA_INVOICE order by NUMBER")) {
                while (rows.next()) {
                    String number = rows.getString(1);
                    numbers.add(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)));
                }
            }
            for (int i = 0; i < numbers.size(); i++) {
                assertEquals(i + 1, numbers.get(i), "invoice numbers have a gap or a repeat at position " + i);
            }
            assertEquals(PACKAGES, single(sql, "select sum(LAST_VALUE) from HA_INVOICE_SEQUENCE"));
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

    private int invoiceCount(String token) {
        Http.Reply reply = karaf.http.get("/api/v1/admin/invoices?size=1", token);
        return reply.status() == 200 ? reply.json().get("total").asInt() : -1;
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }
}
