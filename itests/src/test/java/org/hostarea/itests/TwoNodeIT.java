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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Karaf nodes (two distributions on different ports) on one PostgreSQL database, as behind a load balancer:
 * a session made on one node works on the other; the renewal job started on both at once issues each invoice
 * once; messages queued while both dispatchers run are each sent once; and when the node running a job is killed,
 * the other finishes it once the dead node's lease has expired. Runs with {@code -Ppostgres} only (embedded Derby
 * belongs to one JVM).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeIT {

    private static final List<String> ROUTES = List.of("/api/v1/me", "/api/v1/me/packages", "/api/v1/me/invoices", "/api/v1/admin/jobs");
    private static final int SMTP_PORT = 13925;
    private static final int LEASE_SECONDS = 10;

    private final Map<String, String> database = TestDatabase.freshDatasource("two_nodes");
    private final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final String staffPassword = UUID.randomUUID().toString();
    private Distribution a;
    private Distribution b;

    @BeforeAll
    void twoNodesOnOneDatabase() throws Exception {
        assertTrue(TestDatabase.postgres(), "two nodes need a shared database: run with -Ppostgres");
        // killing A breaks off its SMTP connections: GreenMail's threads complain, which is no failure of these tests
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        smtp.start();
        a = node("two-node-a", "18681", "18611", "11699", "44694");
        b = node("two-node-b", "18682", "18612", "11698", "44695");
        a.start(ROUTES);
        b.start(ROUTES);
        String installed = a.client("feature:install hostarea-benchmark hostarea-notify-email", Duration.ofMinutes(2));
        assertTrue(!installed.contains("Error"), installed);
        String onB = b.client("feature:install hostarea-notify-email", Duration.ofMinutes(2));
        assertTrue(!onB.contains("Error"), onB);
        String staff = a.client("hostarea:staff-add --role ADMIN --password " + staffPassword + " two-node-admin", Duration.ofMinutes(1));
        assertTrue(staff.contains("Created staff user two-node-admin"), staff);
    }

    private Distribution node(String name, String http, String ssh, String rmiRegistry, String rmiServer) throws Exception {
        Distribution node = Distribution.unpack(name, http, ssh, rmiRegistry, rmiServer, database);
        node.set("etc/org.hostarea.billing.cfg", "jobs.dailyTime", "");
        node.set("etc/org.hostarea.billing.cfg", "jobs.nodeName", name);
        node.set("etc/org.hostarea.billing.cfg", "jobs.leaseSeconds", Integer.toString(LEASE_SECONDS));
        node.set("etc/org.hostarea.billing.cfg", "jobs.chunkSize", "50");
        node.set("etc/org.hostarea.billing.cfg", "renewal.groupByAccount", "false");
        node.set("etc/org.hostarea.billing.cfg", "credit.autoApply", "false");
        node.set("etc/org.hostarea.notifications.cfg", "dispatcher.pollIntervalMillis", "100");
        node.set("etc/org.hostarea.notify.email.cfg", "host", "127.0.0.1");
        node.set("etc/org.hostarea.notify.email.cfg", "port", Integer.toString(SMTP_PORT));
        node.set("etc/org.hostarea.notify.email.cfg", "from", "Hosting <noreply@two-nodes.example>");
        return node;
    }

    @AfterAll
    void stopBoth() throws Exception {
        for (Distribution node : new Distribution[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        smtp.stop();
        Awaitility.reset();
    }

    @Test
    @Order(1)
    void aSessionMadeOnOneNodeIsKnownToTheOtherAndEndsOnBoth() throws Exception {
        String created = a.client("hostarea:customer-add --password two-node-secret-password 'Two Nodes' two@nodes.example",
                Duration.ofMinutes(1));
        assertTrue(created.contains("Created customer"), created);
        Http.Reply login = a.http.post("/api/v1/auth/login", Http.json(Map.of("login", "two@nodes.example",
                "password", "two-node-secret-password")), null);
        assertEquals(200, login.status(), login.toString());
        String token = login.json().get("token").asText();

        Http.Reply onB = b.http.get("/api/v1/me", token);
        assertEquals(200, onB.status(), onB.toString());
        assertEquals(login.json().get("scope").get("customerNumber").asText(), onB.json().get("customerNumber").asText());
        assertEquals(204, b.http.post("/api/v1/auth/logout", null, token).status());
        assertEquals(401, a.http.get("/api/v1/me", token).status(), "logged out on B is logged out on A");
    }

    @Test
    @Order(2)
    void theRenewalJobStartedOnBothNodesAtOnceIssuesEachInvoiceOnce() throws Exception {
        int packages = 400;
        seed(packages, "2022-01-01");
        int before = count("select count(*) from HA_INVOICE");

        CompletableFuture<Http.Reply> onA = renewals(a, "2022-01-22");
        CompletableFuture<Http.Reply> onB = renewals(b, "2022-01-22");
        List<Http.Reply> replies = List.of(onA.get(), onB.get());

        long completed = replies.stream().filter(r -> r.status() == 200).count();
        long refused = replies.stream().filter(r -> r.status() == 409 && r.body().contains("job-running")).count();
        assertEquals(2, completed + refused, replies.toString());
        assertTrue(completed >= 1, replies.toString());
        assertEquals(packages, count("select count(*) from HA_INVOICE") - before, "one invoice per package");
        assertEquals(packages, count("select count(*) from HA_RENEWAL where PERIOD_START = DATE '2022-02-01'"));
        assertEquals(packages, count("select count(distinct PACKAGE_ID) from HA_INVOICE_LINE where PERIOD_START = DATE '2022-02-01'"));
        assertNumbersWithoutGap();
    }

    @Test
    @Order(4) // last: it kills A
    void whenTheNodeRunningAJobDiesTheOtherFinishesItAfterTheLease() throws Exception {
        int packages = 3000;
        seed(packages, "2023-01-01");
        String tokenB = b.staffToken("two-node-admin", staffPassword);
        int before = count("select count(*) from HA_INVOICE");

        CompletableFuture<Http.Reply> killed = renewals(a, "2023-01-22");
        await("A's first chunks committed").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("select count(*) from HA_INVOICE") - before >= 200);
        a.kill();
        assertTrue(killed.handle((reply, error) -> error != null || reply.status() != 200).get(), "A's run ended before the kill");

        Http.Reply tooEarly = b.http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of("asOf", "2023-01-22")), tokenB);
        assertEquals(409, tooEarly.status(), "the dead node's lease still holds: " + tooEarly);
        Http.Reply[] finished = new Http.Reply[1];
        await("B takes the job over once A's lease expired").atMost(Duration.ofSeconds(LEASE_SECONDS * 6L))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    finished[0] = b.http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of("asOf", "2023-01-22")), tokenB,
                            Duration.ofMinutes(5));
                    return finished[0].status() != 409;
                });
        assertEquals(200, finished[0].status(), finished[0].toString());
        JsonNode run = finished[0].json();
        assertEquals("COMPLETED", run.get("status").asText(), run.toString());
        assertEquals("two-node-b", run.get("node").asText(), run.toString());
        assertEquals(packages, count("select count(*) from HA_INVOICE") - before, "every package invoiced once, none twice");
        assertEquals(packages, count("select count(*) from HA_RENEWAL where PERIOD_START = DATE '2023-02-01'"));
        assertNumbersWithoutGap();
    }

    @Test
    @Order(3)
    void messagesQueuedWhileBothDispatchersRunAreEachSentOnce() throws Exception {
        String tokenA = a.staffToken("two-node-admin", staffPassword);
        String tokenB = b.staffToken("two-node-admin", staffPassword);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Http.Reply created = a.http.post("/api/v1/admin/customers", Http.json(Map.of("ownerName", "Mail " + i,
                    "email", "mail-" + i + "@nodes.example", "language", "en")), tokenA);
            assertEquals(201, created.status(), created.toString());
            accounts.add(created.json().get("id").asText());
        }
        for (int i = 0; i < accounts.size(); i++) {
            Distribution node = i % 2 == 0 ? a : b;
            Http.Reply reset = node.http.post("/api/v1/admin/customers/" + accounts.get(i) + "/password-reset", "", i % 2 == 0 ? tokenA : tokenB);
            assertEquals(202, reset.status(), reset.toString());
        }

        await("every message sent").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from HA_MESSAGE where STATUS <> 'SENT'") == 0
                        && count("select count(*) from HA_MESSAGE where RECIPIENTS like '%@nodes.example%' and STATUS = 'SENT'") >= 50);
        int sent = count("select count(*) from HA_MESSAGE where CHANNEL = 'email'");
        await("the mails arrived").atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= sent);
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> ids = new HashSet<>();
        int resets = 0;
        for (MimeMessage mail : received) {
            assertTrue(ids.add(mail.getMessageID()), "sent twice: " + mail.getMessageID());
            if (mail.getAllRecipients()[0].toString().startsWith("mail-")) {
                resets++;
            }
        }
        assertEquals(sent, received.length, "one mail per message, no more");
        assertEquals(50, resets, "each of the 50 reset mails once");
        assertEquals(0, count("select count(*) from HA_MESSAGE where CHANNEL = 'email' and ATTEMPTS <> 1"), "none delivered twice");
    }

    /** The renewal job for a day, started on a node by its staff, answered in the background. */
    private CompletableFuture<Http.Reply> renewals(Distribution node, String asOf) {
        String token = node.staffToken("two-node-admin", staffPassword);
        return CompletableFuture.supplyAsync(() -> node.http.post("/api/v1/admin/jobs/renewals/run", Http.json(Map.of("asOf", asOf)), token,
                Duration.ofMinutes(5)));
    }

    private void seed(int packages, String start) throws Exception {
        String seeded = a.client("hostarea:bench-seed --accounts 20 --packages " + packages + " --start " + start, Duration.ofMinutes(5));
        assertTrue(seeded.contains("Seeded 20 accounts and " + packages + " packages"), seeded);
    }

    /** Every series of invoice numbers (one per year) runs from 1 without a gap or a repeat. */
    private void assertNumbersWithoutGap() throws Exception {
        Map<String, List<Long>> series = new java.util.TreeMap<>();
        try (Connection db = TestDatabase.open(database); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select NUMBER from HA_INVOICE order by NUMBER")) {
            while (rows.next()) {
                String number = rows.getString(1);
                int dash = number.lastIndexOf('-');
                series.computeIfAbsent(number.substring(0, dash), k -> new ArrayList<>()).add(Long.parseLong(number.substring(dash + 1)));
            }
        }
        assertTrue(!series.isEmpty());
        series.forEach((prefix, numbers) -> {
            numbers.sort(null);
            for (int i = 0; i < numbers.size(); i++) {
                assertEquals(i + 1, numbers.get(i), "invoice numbers " + prefix + " have a gap or a repeat at position " + i);
            }
        });
    }

    private int count(String query) throws SQLException {
        try (Connection db = TestDatabase.open(database); Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next());
            return rows.getInt(1);
        }
    }
}
