package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.karaf.features.FeaturesService;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.NewAccount;
import org.hostarea.notifications.MessageStatus;
import org.hostarea.notifications.NotificationService;
import org.hostarea.notifications.OutgoingMessage;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

/**
 * The outbox end to end: real SMTP (GreenMail) and a real webhook receiver, channel plugins removed and
 * installed while messages are sent, transactions rolled back, SMTP outages, staff retry, retention.
 */
public class NotificationsIT extends HostareaTestSupport {

    private static final String EMAIL_FEATURE = "hostarea-notify-email";
    private static final String WEBHOOK_FEATURE = "hostarea-notify-webhook";

    @Inject
    NotificationService notifications;

    @Inject
    AccountService accounts;

    @Inject
    @Filter("(osgi.unit.name=identity)")
    JpaTemplate identity;

    @Inject
    @Filter("(osgi.unit.name=notifications)")
    JpaTemplate outbox;

    private GreenMail smtp;

    @Before
    public void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @After
    public void stopSmtp() {
        smtp.stop();
    }

    @Test
    public void anEmailArrivesOnceInTheAccountsLanguageAndShowsInItsLog() throws Exception {
        installFeature(EMAIL_FEATURE);
        String email = uniqueEmail();
        JsonNode account = createCustomer("Ana", email, "ana-secret-password");
        JsonNode sent = send(account.get("id").asText(), "es", email, Map.of("name", "Ana {{7*7}}", "subject", "Mantenimiento",
                "body", "<b>Mañana</b> a las 3"));
        String id = sent.get("id").asText();
        assertEquals("QUEUED", sent.get("status").asText());

        awaitStatus(id, MessageStatus.SENT);
        MimeMessage mail = awaitMail(id);
        assertEquals("Aviso: Mantenimiento", mail.getSubject());
        assertEquals(email, mail.getAllRecipients()[0].toString());
        MimeMultipart parts = (MimeMultipart) Mailbox.content(mail);
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        String text = Mailbox.content(parts.getBodyPart(0)).toString();
        assertTrue(text, text.contains("Hola Ana {{7*7}}:") && text.contains("<b>Mañana</b> a las 3"));
        assertNotEquals("UTF-8 text is transfer-encoded", "7bit", parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")[0]);
        String html = Mailbox.content(parts.getBodyPart(1)).toString();
        assertTrue(html, html.contains("&lt;b&gt;Mañana&lt;/b&gt;") && html.contains("Ana {{7*7}}"));
        assertEquals("arrives once", 1, mailsWithId(id));

        String token = loginToken(email, "ana-secret-password");
        Http.Reply log = http.get("/api/v1/me/messages", token);
        assertEquals(log.toString(), 200, log.status());
        assertEquals(1, log.json().get("total").asInt());
        JsonNode entry = log.json().get("items").get(0);
        assertEquals(id, entry.get("id").asText());
        assertEquals("SENT", entry.get("status").asText());
        assertFalse("no delivery internals for customers", entry.has("lastError"));
        assertEquals(200, http.get("/api/v1/me/messages/" + id, token).status());

        String otherEmail = uniqueEmail();
        createCustomer("Other", otherEmail, "other-secret-password");
        String other = loginToken(otherEmail, "other-secret-password");
        assertProblem(http.get("/api/v1/me/messages/" + id, other), 404, "message-not-found");
        assertEquals(0, http.get("/api/v1/me/messages", other).json().get("total").asInt());
        assertProblem(http.get("/api/v1/me/messages?page=x", other), 400, "validation");
    }

    @Test
    public void messagesWaitWhileTheChannelIsGoneAndAllArriveOnceWhenItIsBack() throws Exception {
        installFeature(EMAIL_FEATURE);
        String customerEmail = uniqueEmail();
        createCustomer("Busy", customerEmail, "busy-secret-password");
        String customer = loginToken(customerEmail, "busy-secret-password");
        String admin = adminToken();

        AtomicBoolean running = new AtomicBoolean(true);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger probes = new AtomicInteger();
        Thread prober = new Thread(() -> {
            while (running.get()) {
                for (String path : new String[] {"/api/v1/health", "/api/v1/me", "/api/v1/me/messages"}) {
                    Http.Reply reply = http.get(path, customer);
                    probes.incrementAndGet();
                    if (reply.status() / 100 != 2) {
                        failures.add(path + " -> " + reply);
                    }
                }
            }
        });
        prober.start();
        List<String> ids = new ArrayList<>();
        try {
            features.uninstallFeature(EMAIL_FEATURE);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Http.Reply>> replies = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    String recipient = "burst-" + i + "-" + unique() + "@example.org";
                    replies.add(pool.submit(() -> http.post("/api/v1/admin/messages", Http.json(message(null, "en", recipient,
                            Map.of("name", "N", "subject", "Burst", "body", "b"))), admin)));
                }
                for (Future<Http.Reply> reply : replies) {
                    Http.Reply r = reply.get(60, TimeUnit.SECONDS);
                    assertEquals(r.toString(), 202, r.status());
                    ids.add(r.json().get("id").asText());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(50, new HashSet<>(ids).size());
            for (String id : ids) {
                assertEquals("no channel, so it waits", MessageStatus.QUEUED, notifications.message(id).status());
            }
            assertEquals(0, smtp.getReceivedMessages().length);

            features.installFeature(EMAIL_FEATURE);
            await("all 50 delivered").atMost(Duration.ofSeconds(60))
                    .until(() -> ids.stream().allMatch(id -> notifications.message(id).status() == MessageStatus.SENT));
        } finally {
            running.set(false);
            prober.join(10_000);
        }
        for (String id : ids) {
            assertEquals("exactly once: " + id, 1, mailsWithId(id));
        }
        assertTrue("the other endpoints were probed", probes.get() > 10);
        assertTrue("other endpoints failed during the swap: " + failures, failures.isEmpty());
    }

    @Test
    public void aRolledBackCallerStoresAndSendsNothing() throws Exception {
        installFeature(EMAIL_FEATURE);
        String key = "itest-rollback-" + unique();
        String email = uniqueEmail();
        try {
            identity.tx(TransactionType.Required, em -> {
                accounts.create(new NewAccount("Rolled Back", email, "en", null));
                notifications.send(OutgoingMessage.email("staff.notice", null, "en", List.of(email),
                        Map.of("name", "x", "subject", "y", "body", "z")).withIdempotencyKey(key));
                throw new IllegalStateException("the caller fails after sending");
            });
        } catch (IllegalStateException expected) {
            // the caller's transaction rolls back
        }
        assertEquals("no message", 0L, count(outbox, "SELECT COUNT(*) FROM HA_MESSAGE WHERE IDEMPOTENCY_KEY = ?", key));
        assertEquals("no account either: one transaction across both units", 0L,
                count(identity, "SELECT COUNT(*) FROM HA_ACCOUNT WHERE EMAIL_KEY = ?", email));

        String committed = "itest-commit-" + unique();
        String id = identity.txExpr(TransactionType.Required, em -> notifications.send(OutgoingMessage.email("staff.notice", null,
                "en", List.of(email), Map.of("name", "x", "subject", "y", "body", "z")).withIdempotencyKey(committed)).id());
        awaitStatus(id, MessageStatus.SENT);
        assertEquals(1, mailsWithId(id));
    }

    @Test
    public void anSmtpOutageEndsFailedAndStaffRetryDeliversOnceItIsBack() throws Exception {
        installFeature(EMAIL_FEATURE);
        smtp.stop();
        String id = send(null, "de", uniqueEmail(), Map.of("name", "Max", "subject", "Wartung", "body", "Heute"))
                .get("id").asText();
        awaitStatus(id, MessageStatus.FAILED);
        JsonNode failed = http.get("/api/v1/admin/messages/" + id, adminToken()).json();
        assertEquals(3, failed.get("attempts").asInt());
        assertTrue(failed.toString(), failed.get("lastError").asText().contains("SMTP unavailable"));
        JsonNode listed = http.get("/api/v1/admin/messages?status=FAILED&size=100", adminToken()).json();
        assertTrue(listed.toString(), listed.get("items").findValuesAsText("id").contains(id));
        String shellList = shell("hostarea:messages-list --status FAILED --count 100");
        assertTrue(shellList, shellList.contains(id) && shellList.contains("SMTP unavailable"));

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Http.Reply retried = http.post("/api/v1/admin/messages/" + id + "/retry", null, adminToken());
        assertEquals(retried.toString(), 200, retried.status());
        assertEquals("QUEUED", retried.json().get("status").asText());
        awaitStatus(id, MessageStatus.SENT);
        MimeMessage mail = awaitMail(id);
        assertEquals("Hinweis: Wartung", mail.getSubject());
        assertEquals(1, mailsWithId(id));
        assertProblem(http.post("/api/v1/admin/messages/" + id + "/retry", null, adminToken()), 409, "message-not-failed");
    }

    @Test
    public void theWebhookReceiverGetsASignedEventWithAStableId() throws Exception {
        List<Map<String, String>> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", WEBHOOK_PORT), 0);
        receiver.createContext("/hook", exchange -> {
            Map<String, String> request = new LinkedHashMap<>();
            request.put("eventId", exchange.getRequestHeaders().getFirst("Hostarea-Event-Id"));
            request.put("signature", exchange.getRequestHeaders().getFirst("Hostarea-Signature"));
            request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            // the first delivery fails: the retry must carry the same event id
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            installFeature(WEBHOOK_FEATURE);
            Map<String, Object> body = message(null, "en", null, Map.of("name", "Ops", "subject", "Webhook", "body", "Hi"));
            body.put("channel", "webhook");
            body.remove("recipients");
            Http.Reply sent = http.post("/api/v1/admin/messages", Http.json(body), adminToken());
            assertEquals(sent.toString(), 202, sent.status());
            String id = sent.json().get("id").asText();
            awaitStatus(id, MessageStatus.SENT);

            assertEquals(2, received.size());
            for (Map<String, String> request : received) {
                assertEquals(id, request.get("eventId"));
                JsonNode event = Http.JSON.readTree(request.get("body"));
                assertEquals(id, event.get("id").asText());
                assertEquals("staff.notice", event.get("type").asText());
                String[] signature = request.get("signature").split(",");
                String timestamp = signature[0].substring("t=".length());
                assertEquals(signature[1], "v1=" + hmac(WEBHOOK_SECRET, timestamp + "." + request.get("body")));
                assertNotEquals("a forged body does not verify", signature[1], "v1=" + hmac(WEBHOOK_SECRET, timestamp + ".{}"));
            }
        } finally {
            receiver.stop(0);
            features.uninstallFeature(WEBHOOK_FEATURE);
        }
    }

    @Test
    public void thePurgeRemovesExactlyWhatIsOlderThanTheCutoff() {
        String before = stored("2023-12-31T23:59:59Z");
        String atCutoff = stored("2024-01-01T00:00:00Z");
        String recent = stored("2025-06-01T12:00:00Z");
        String out = shell("hostarea:messages-purge --as-of 2026-01-09");
        assertTrue(out, out.contains("Purged 1 messages created before 2024-01-01"));
        assertProblem(http.get("/api/v1/admin/messages/" + before, adminToken()), 404, "message-not-found");
        assertEquals(200, http.get("/api/v1/admin/messages/" + atCutoff, adminToken()).status());
        assertEquals(200, http.get("/api/v1/admin/messages/" + recent, adminToken()).status());
    }

    @Test
    public void badMessagesAreRefusedAndStoreNothing() throws Exception {
        long before = count(outbox, "SELECT COUNT(*) FROM HA_MESSAGE");
        Map<String, Object> crlf = message(null, "en", "ana@example.org\r\nBcc: victim@example.org", Map.of("name", "x"));
        assertProblem(http.post("/api/v1/admin/messages", Http.json(crlf), adminToken()), 400, "validation");
        Map<String, Object> unknownTemplate = message(null, "en", "ana@example.org", Map.of());
        unknownTemplate.put("templateKey", "no.such-template");
        assertProblem(http.post("/api/v1/admin/messages", Http.json(unknownTemplate), adminToken()), 400, "validation");
        Map<String, Object> missingParams = message(null, "en", "ana@example.org", Map.of("name", "only the name"));
        assertProblem(http.post("/api/v1/admin/messages", Http.json(missingParams), adminToken()), 400, "validation");
        Map<String, Object> badLanguage = message(null, "fr", "ana@example.org", Map.of("name", "x", "subject", "y", "body", "z"));
        assertProblem(http.post("/api/v1/admin/messages", Http.json(badLanguage), adminToken()), 400, "validation");
        Map<String, Object> category = message(uniqueId(), "en", null, Map.of("name", "x", "subject", "y", "body", "z"));
        category.put("category", "INVOICES");
        assertProblem(http.post("/api/v1/admin/messages", Http.json(category), adminToken()), 400, "validation"); // nobody subscribed
        String admin = adminToken();
        org.osgi.framework.Bundle contacts = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.hostarea.contacts".equals(b.getSymbolicName())).findFirst().orElseThrow();
        contacts.stop(); // the bundle that resolves categories to recipients goes away
        try {
            Http.Reply noResolver = await("no resolver").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> http.post("/api/v1/admin/messages", Http.json(category), admin), r -> r.status() == 503);
            assertProblem(noResolver, 503, "plugin-missing");
            assertTrue(noResolver.header("Retry-After") != null);
        } finally {
            contacts.start();
        }
        assertEquals("nothing stored", before, count(outbox, "SELECT COUNT(*) FROM HA_MESSAGE"));
        await("contacts back").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> http.get("/api/v1/me/contacts", null).status() == 401);
    }

    @Test
    public void anIdempotencyKeySendsOnce() throws Exception {
        installFeature(EMAIL_FEATURE);
        String key = "itest-" + unique();
        Map<String, Object> body = message(null, "en", uniqueEmail(), Map.of("name", "x", "subject", "once", "body", "z"));
        Http.Reply first = http.send("POST", "/api/v1/admin/messages", Http.json(body), "application/json", adminToken(),
                Map.of("Idempotency-Key", key));
        Http.Reply second = http.send("POST", "/api/v1/admin/messages", Http.json(body), "application/json", adminToken(),
                Map.of("Idempotency-Key", key));
        assertEquals(first.json().get("id").asText(), second.json().get("id").asText());
        String id = first.json().get("id").asText();
        awaitStatus(id, MessageStatus.SENT);
        assertEquals(1, mailsWithId(id));
    }

    private String stored(String createdAt) {
        String id = notifications.send(OutgoingMessage.email("staff.notice", null, "en", List.of("old@example.org"),
                Map.of("name", "x", "subject", "old", "body", "z"))).id();
        long millis = java.time.Instant.parse(createdAt).toEpochMilli();
        outbox.tx(TransactionType.Required, em -> em.createNativeQuery("UPDATE HA_MESSAGE SET CREATED_AT = ?, STATUS = 'SENT' WHERE ID = ?")
                .setParameter(1, millis).setParameter(2, id).executeUpdate());
        return id;
    }

    private JsonNode send(String accountId, String language, String recipient, Map<String, Object> params) {
        Http.Reply reply = http.post("/api/v1/admin/messages", Http.json(message(accountId, language, recipient, params)), adminToken());
        assertEquals(reply.toString(), 202, reply.status());
        return reply.json();
    }

    private static Map<String, Object> message(String accountId, String language, String recipient, Map<String, Object> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templateKey", "staff.notice");
        if (accountId != null) {
            body.put("accountId", accountId);
        }
        body.put("language", language);
        body.put("recipients", recipient == null ? List.of() : List.of(recipient));
        body.put("params", params);
        return body;
    }

    private void awaitStatus(String id, MessageStatus status) {
        await(id + " " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> notifications.message(id).status() == status);
    }

    private MimeMessage awaitMail(String id) {
        return await("mail " + id).atMost(Duration.ofSeconds(30)).until(() -> {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                if (("<" + id + "@itest.example>").equals(mail.getMessageID())) {
                    return mail;
                }
            }
            return null;
        }, mail -> mail != null);
    }

    private int mailsWithId(String id) throws Exception {
        int n = 0;
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (("<" + id + "@itest.example>").equals(mail.getMessageID())) {
                n++;
            }
        }
        return n;
    }

    private static long count(JpaTemplate jpa, String sql, Object... params) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            javax.persistence.Query query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static String uniqueId() {
        return java.util.UUID.randomUUID().toString();
    }
}
