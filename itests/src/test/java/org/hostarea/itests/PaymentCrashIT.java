package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of Karaf in the middle of a burst of payments, each with its own Idempotency-Key, then the clients retry every
 * request with its key after the restart (as a real client does when its connection died): every key ends with exactly
 * one payment, none is lost and none is doubled, and the invoices, the payments and their allocations add up, read
 * straight from the database.
 */
class PaymentCrashIT {

    private static final int INVOICES = 20;
    private static final int REQUESTS = 400;
    private static final BigDecimal AMOUNT = new BigDecimal("0.25");
    private static final List<String> ROUTES = List.of("/api/v1/me", "/api/v1/me/invoices", "/api/v1/me/payments", "/api/v1/admin/jobs");

    private Distribution karaf;

    @Test
    void aPaymentBurstKilledMidwayEndsWithOnePaymentPerKeyAfterTheRetries() throws Exception {
        karaf = Distribution.unpack("payment-crash-it", "18481", "18411", "11499", "44484");
        karaf.set("etc/org.hostarea.billing.cfg", "jobs.dailyTime", "");
        karaf.set("etc/org.hostarea.billing.cfg", "credit.autoApply", "false");
        karaf.set("etc/org.hostarea.billing.cfg", "payments.reconcileSeconds", "3600");
        karaf.set("etc/org.hostarea.billing.cfg", "payments.reconcileAfterSeconds", "0");
        karaf.set("etc/org.hostarea.billing.cfg", "idempotency.inFlightSeconds", "3");
        karaf.set("etc/org.hostarea.billing.cfg", "payments.startTimeoutSeconds", "3");
        karaf.start(ROUTES);
        String installed = karaf.client("feature:install hostarea-payment-testgateway", Duration.ofMinutes(2));
        assertTrue(!installed.contains("Error"), installed);
        String staffPassword = UUID.randomUUID().toString();
        assertTrue(karaf.client("hostarea:staff-add --role ADMIN --password " + staffPassword + " crash-admin", Duration.ofMinutes(1))
                .contains("Created staff user crash-admin"));
        String customer = karaf.client("hostarea:customer-add --password 'burst-password-1' 'Burst Payer' burst@example.org",
                Duration.ofMinutes(1));
        Matcher id = Pattern.compile("\\(id ([0-9a-f-]{36})\\)").matcher(customer);
        assertTrue(id.find(), customer);
        String accountId = id.group(1);
        String staff = karaf.staffToken("crash-admin", staffPassword);
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            invoices.add(karaf.issueInvoice(staff, accountId, new BigDecimal("100.00")));
        }
        String token = customerToken();
        await("test gateway bound").atMost(Duration.ofSeconds(30))
                .until(() -> karaf.http.get("/api/v1/me/payment-gateways", token).body().contains("\"test\""));

        // the burst, killed once a quarter of it has been answered
        Map<String, String> keys = new LinkedHashMap<>(); // key -> invoice
        for (int i = 0; i < REQUESTS; i++) {
            keys.put("burst-" + i + "-" + UUID.randomUUID(), invoices.get(i % INVOICES));
        }
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        keys.forEach((key, invoice) -> clients.submit(() -> {
            try {
                if (pay(token, invoice, key).status() == 201) {
                    answered.incrementAndGet();
                }
            } catch (RuntimeException connectionLost) {
                // the node died under it: retried below
            }
        }));
        await("a quarter answered").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> answered.get() >= REQUESTS / 4);
        karaf.kill();
        clients.shutdown();
        assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES));
        assertTrue(answered.get() < REQUESTS, "the burst ended before the kill");

        // restart; every client retries its request with its key until it gets an answer
        karaf.start(ROUTES);
        String again = customerToken();
        Set<String> payments = new HashSet<>();
        for (Map.Entry<String, String> request : keys.entrySet()) {
            Http.Reply[] reply = new Http.Reply[1];
            await("an answer for " + request.getKey()).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                reply[0] = pay(again, request.getValue(), request.getKey());
                return reply[0].status() != 409;
            });
            assertEquals(201, reply[0].status(), reply[0].toString());
            payments.add(reply[0].json().get("id").asText());
        }
        assertEquals(REQUESTS, payments.size(), "one payment per key");
        // payments the kill left open (their start never answered) are asked about once the start timeout has passed
        String staffAgain = karaf.staffToken("crash-admin", staffPassword);
        await("open payments settled").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Http.Reply reconciled = karaf.http.post("/api/v1/admin/jobs/reconcile/run", Http.json(Map.of()), staffAgain, Duration.ofMinutes(2));
            assertEquals(200, reconciled.status(), reconciled.toString());
            return karaf.http.get("/api/v1/admin/payments?status=PENDING&accountId=" + accountId, staffAgain).json().get("total").asInt() == 0;
        });
        JsonNode mine = karaf.http.get("/api/v1/me/payments?size=1", again).json();
        assertEquals(REQUESTS, mine.get("total").asInt(), "payments of the account");
        for (String invoice : invoices) {
            JsonNode due = karaf.http.get("/api/v1/me/invoices/" + invoice, again).json().get("amountDue");
            assertEquals(0, new BigDecimal("95.00").compareTo(due.get("amount").decimalValue()), invoice + " " + due);
        }
        karaf.stop();

        try (Connection db = karaf.openDatabase();
                Statement sql = db.createStatement()) {
            assertEquals(REQUESTS, single(sql, "select count(*) from HA_PAYMENT"));
            assertEquals(REQUESTS, single(sql, "select count(*) from HA_PAYMENT where STATUS = 'COMPLETED'"));
            assertEquals(REQUESTS, single(sql, "select count(*) from HA_IDEMPOTENCY where PAYMENT_ID is not null"));
            assertEquals(REQUESTS, single(sql, "select count(distinct PAYMENT_ID) from HA_IDEMPOTENCY"));
            assertEquals(0, new BigDecimal("100.00").compareTo(decimal(sql, "select sum(AMOUNT) from HA_PAYMENT")));
            assertEquals(0, new BigDecimal("100.00").compareTo(decimal(sql, "select sum(AMOUNT) from HA_PAYMENT_ALLOCATION")));
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

    private Http.Reply pay(String token, String invoice, String key) {
        return karaf.http.send("POST", "/api/v1/me/invoices/" + invoice + "/payments", Http.json(Map.of("gateway", "test", "amount", AMOUNT)),
                "application/json", token, Map.of("Idempotency-Key", key));
    }

    private String customerToken() {
        Http.Reply reply = karaf.http.post("/api/v1/auth/login", Http.json(Map.of("login", "burst@example.org", "password",
                "burst-password-1")), null);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().get("token").asText();
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    private static BigDecimal decimal(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next());
            return rows.getBigDecimal(1);
        }
    }
}
