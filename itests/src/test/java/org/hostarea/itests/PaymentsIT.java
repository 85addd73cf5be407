package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.hostarea.itests.PackagesIT.assertAmount;
import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Payments through the test gateway plugin: every outcome, partial and over payments, several invoices at
 * once, Idempotency-Key under concurrency, signed callbacks taken once, a missing gateway (503), and
 * payments left UNKNOWN resolved by reconciliation once the gateway is back.
 */
public class PaymentsIT extends HostareaTestSupport {

    private static final String GATEWAY = "hostarea-payment-testgateway";

    @javax.inject.Inject
    @org.ops4j.pax.exam.util.Filter("(osgi.unit.name=billing)")
    org.apache.aries.jpa.template.JpaTemplate billingUnit;

    private final Mailbox mailbox = new Mailbox(SMTP_PORT);
    private String email;
    private String accountId;
    private String token;

    @Before
    public void setUp() {
        installFeature("hostarea-notify-email");
        installFeature(GATEWAY);
        mailbox.start();
        email = uniqueEmail();
        accountId = createCustomer("Pia Payer", email, "pia-password-12").get("id").asText();
        token = loginToken(email, "pia-password-12");
        await("test gateway bound").atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/me/payment-gateways", token).body().contains("\"test\""));
    }

    @After
    public void tearDown() {
        mailbox.stop();
        installFeature(GATEWAY);
    }

    @Test
    public void eachOutcomeIsRecordedAndTheInvoicesFollow() {
        String full = invoice("30.00", "EUR");
        JsonNode completed = pay(full, Map.of("gateway", "test"), null);
        assertEquals("COMPLETED", completed.get("status").asText());
        assertEquals("PAID", invoiceJson(full).get("status").asText());
        assertTrue(Mailbox.text(mailbox.awaitTo(email, "Payment received")).contains("30.00"));

        String partly = invoice("30.00", "EUR");
        assertEquals("COMPLETED", pay(partly, Map.of("gateway", "test", "amount", 10), null).get("status").asText());
        JsonNode half = invoiceJson(partly);
        assertEquals("UNPAID", half.get("status").asText());
        assertAmount("20.00", half.get("amountDue"));

        String over = invoice("30.00", "EUR");
        assertEquals("COMPLETED", pay(over, Map.of("gateway", "test", "amount", 50), null).get("status").asText());
        assertEquals("PAID", invoiceJson(over).get("status").asText());
        assertAmount("20.00", http.get("/api/v1/me/credit", token).json().get(0).get("balance"));

        String declined = invoice("30.00", "EUR");
        JsonNode refused = pay(declined, Map.of("gateway", "test", "options", Map.of("mode", "decline")), null);
        assertEquals("DECLINED", refused.get("status").asText());
        assertEquals("UNPAID", invoiceJson(declined).get("status").asText());
        mailbox.awaitTo(email, "Payment not completed");

        // several invoices in one payment
        String a = invoice("5.00", "EUR");
        String b = invoice("7.00", "EUR");
        Map<String, Object> both = Map.of("gateway", "test", "invoices", List.of(Map.of("invoiceId", a), Map.of("invoiceId", b)));
        Http.Reply multi = http.post("/api/v1/me/payments", Http.json(both), token);
        assertEquals(multi.toString(), 201, multi.status());
        assertAmount("12.00", multi.json().get("amount"));
        assertEquals("PAID", invoiceJson(a).get("status").asText());
        assertEquals("PAID", invoiceJson(b).get("status").asText());
        assertTrue(http.get("/api/v1/me/payments", token).json().get("total").asInt() >= 5);

        // bad input: nothing stored
        int before = http.get("/api/v1/me/payments", token).json().get("total").asInt();
        assertProblem(http.post("/api/v1/me/invoices/" + declined + "/payments", Http.json(Map.of("gateway", "test", "amount", -1)), token),
                400, "validation");
        assertProblem(http.post("/api/v1/me/invoices/" + declined + "/payments", Http.json(Map.of("gateway", "test", "amount", 0)), token),
                400, "validation");
        assertProblem(http.post("/api/v1/me/invoices/" + declined + "/payments", Http.json(Map.of("gateway", "test",
                "amount", new BigDecimal("1.001"))), token), 400, "validation");
        String dollars = invoice("5.00", "USD");
        assertProblem(http.post("/api/v1/me/payments", Http.json(Map.of("gateway", "test", "invoices", List.of(Map.of("invoiceId", declined),
                Map.of("invoiceId", dollars)))), token), 400, "validation");
        assertProblem(http.post("/api/v1/me/invoices/" + full + "/payments", Http.json(Map.of("gateway", "test")), token), 422,
                "invoice-not-payable");
        assertEquals(before, http.get("/api/v1/me/payments", token).json().get("total").asInt());

        // another account sees none of it
        String otherEmail = uniqueEmail();
        createCustomer("Other", otherEmail, "other-password-1");
        String other = loginToken(otherEmail, "other-password-1");
        assertProblem(http.get("/api/v1/me/payments/" + completed.get("id").asText(), other), 404, "payment-not-found");
        assertProblem(http.post("/api/v1/me/invoices/" + declined + "/payments", Http.json(Map.of("gateway", "test")), other), 404,
                "invoice-not-found");
        assertEquals(0, http.get("/api/v1/me/payments", other).json().get("total").asInt());
    }

    @Test
    public void aKeyWhoseFirstRequestDiedBeforeStoringAPaymentIsTakenOverOnce() throws Exception {
        String invoice = invoice("12.00", "EUR");
        String body = Http.json(Map.of("gateway", "test", "amount", 2));
        String first = "pay-" + unique();
        assertEquals(201, http.send("POST", "/api/v1/me/invoices/" + invoice + "/payments", body, "application/json", token,
                Map.of("Idempotency-Key", first)).status());
        // what a node killed between claiming a key and storing its payment leaves: a claim without a payment, long ago
        String dead = "pay-" + unique();
        billingUnit.tx(TransactionType.Required, em -> em.createNativeQuery("insert into HA_IDEMPOTENCY (ID, ACCOUNT_ID, IDEM_KEY,"
                + " REQUEST_HASH, CREATED_AT) select '" + java.util.UUID.randomUUID() + "', ACCOUNT_ID, '" + dead + "', REQUEST_HASH, "
                + (System.currentTimeMillis() - 3_600_000L) + " from HA_IDEMPOTENCY where ACCOUNT_ID = '" + accountId + "' and IDEM_KEY = '"
                + first + "'").executeUpdate());
        // its client's retries: taken over by exactly one of them, which pays; the others see that payment
        List<Callable<Http.Reply>> retries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            retries.add(() -> http.send("POST", "/api/v1/me/invoices/" + invoice + "/payments", body, "application/json", token,
                    Map.of("Idempotency-Key", dead)));
        }
        Set<String> ids = new TreeSet<>();
        for (Http.Reply reply : runAll(retries)) {
            assertTrue(reply.toString(), reply.status() == 201 || "idempotency-in-flight".equals(reply.problemType()));
            if (reply.status() == 201) {
                ids.add(reply.json().get("id").asText());
            }
        }
        Http.Reply settled = http.send("POST", "/api/v1/me/invoices/" + invoice + "/payments", body, "application/json", token,
                Map.of("Idempotency-Key", dead));
        assertEquals(settled.toString(), 201, settled.status());
        ids.add(settled.json().get("id").asText());
        assertEquals(ids.toString(), 1, ids.size());
        assertAmount("8.00", invoiceJson(invoice).get("amountDue")); // two payments of 2.00, not more
    }

    @Test
    public void tenConcurrentRequestsWithOneIdempotencyKeyMakeOnePayment() throws Exception {
        String invoice = invoice("40.00", "EUR");
        Map<String, String> key = Map.of("Idempotency-Key", "pay-" + unique());
        String body = Http.json(Map.of("gateway", "test"));
        List<Callable<Http.Reply>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(() -> http.send("POST", "/api/v1/me/invoices/" + invoice + "/payments", body, "application/json", token, key));
        }
        Set<String> ids = new TreeSet<>();
        for (Http.Reply reply : runAll(requests)) {
            assertTrue(reply.toString(), reply.status() == 201 || reply.status() == 409);
            if (reply.status() == 201) {
                ids.add(reply.json().get("id").asText());
            } else {
                assertEquals("idempotency-in-flight", reply.problemType());
            }
        }
        assertEquals(ids.toString(), 1, ids.size());
        Http.Reply replay = http.send("POST", "/api/v1/me/invoices/" + invoice + "/payments", body, "application/json", token, key);
        assertEquals(ids.iterator().next(), replay.json().get("id").asText());
        assertEquals(1, http.get("/api/v1/me/payments", token).json().get("total").asInt());
        assertAmount("40.00", invoiceJson(invoice).get("amountPaid"));
        assertProblem(http.send("POST", "/api/v1/me/invoices/" + invoice + "/payments", Http.json(Map.of("gateway", "test", "amount", 1)),
                "application/json", token, key), 422, "idempotency-key-reused");

        // the purge job keeps keys for 30 days: looking ahead (dry run) it would forget this one; today it keeps it; a real
        // run for a day to come is refused
        String ahead = java.time.LocalDate.now().plusDays(31).toString();
        Http.Reply wouldPurge = http.post("/api/v1/admin/jobs/purge/run", Http.json(Map.of("asOf", ahead, "dryRun", true)), adminToken());
        assertEquals(wouldPurge.toString(), 200, wouldPurge.status());
        assertTrue(wouldPurge.body(), wouldPurge.json().get("items").get(0).asText().matches("would forget [1-9][0-9]* idempotency key\\(s\\)"));
        assertProblem(http.post("/api/v1/admin/jobs/purge/run", Http.json(Map.of("asOf", ahead)), adminToken()), 422, "as-of-in-future");
        assertEquals(200, http.post("/api/v1/admin/jobs/purge/run", Http.json(Map.of()), adminToken()).status());
        assertProblem(http.send("POST", "/api/v1/me/invoices/" + invoice + "/payments", Http.json(Map.of("gateway", "test", "amount", 1)),
                "application/json", token, key), 422, "idempotency-key-reused");
    }

    @Test
    public void aPendingPaymentCompletesOnceByItsSignedCallback() throws Exception {
        String invoice = invoice("25.00", "EUR");
        JsonNode pending = pay(invoice, Map.of("gateway", "test", "options", Map.of("mode", "pending")), null);
        assertEquals("PENDING", pending.get("status").asText());
        assertTrue(pending.get("redirectUrl").asText().startsWith("https://test-gateway.invalid/approve/"));
        String paymentId = pending.get("id").asText();

        String event = Http.json(Map.of("eventId", "evt-" + unique(), "paymentId", paymentId, "outcome", "COMPLETED"));
        assertProblem(callback(event, "0".repeat(64)), 400, "callback-rejected");
        assertEquals("PENDING", http.get("/api/v1/me/payments/" + paymentId, token).json().get("status").asText());
        List<Callable<Http.Reply>> twice = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            twice.add(() -> callback(event, sign(event)));
        }
        for (Http.Reply reply : runAll(twice)) {
            assertEquals(reply.toString(), 200, reply.status());
        }
        assertEquals("COMPLETED", http.get("/api/v1/me/payments/" + paymentId, token).json().get("status").asText());
        JsonNode paid = invoiceJson(invoice);
        assertEquals("PAID", paid.get("status").asText());
        assertAmount("25.00", paid.get("amountPaid"));
        assertEquals(0, http.get("/api/v1/me/credit", token).json().size()); // nothing doubled into credit
    }

    @Test
    public void aMissingGatewayIs503AndUnknownPaymentsAreReconciledWhenItIsBack() {
        String invoice = invoice("15.00", "EUR");
        JsonNode unknown = pay(invoice, Map.of("gateway", "test", "options", Map.of("mode", "error")), null);
        assertEquals("UNKNOWN", unknown.get("status").asText());
        JsonNode thrown = pay(invoice("15.00", "EUR"), Map.of("gateway", "test", "options", Map.of("mode", "throw")), null);
        assertEquals("UNKNOWN", thrown.get("status").asText());

        uninstallFeature(GATEWAY);
        await("gateway gone").atMost(Duration.ofSeconds(30)).until(() -> !http.get("/api/v1/me/payment-gateways", token).body()
                .contains("\"test\""));
        Http.Reply missing = http.post("/api/v1/me/invoices/" + invoice + "/payments", Http.json(Map.of("gateway", "test")), token);
        assertProblem(missing, 503, "plugin-missing");
        assertTrue(missing.toString(), missing.header("Retry-After") != null);
        http.post("/api/v1/admin/payments/reconcile", "", adminToken());
        assertEquals("UNKNOWN", http.get("/api/v1/me/payments/" + unknown.get("id").asText(), token).json().get("status").asText());

        installFeature(GATEWAY);
        await("gateway back").atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/me/payment-gateways", token).body()
                .contains("\"test\""));
        // the reconcile job: a dry run lists the payments it would ask about and changes nothing; the run settles them
        Http.Reply dry = http.post("/api/v1/admin/jobs/reconcile/run", Http.json(Map.of("dryRun", true)), adminToken());
        assertEquals(dry.toString(), 200, dry.status());
        assertTrue(dry.body(), dry.body().contains(unknown.get("id").asText()) && dry.body().contains(thrown.get("id").asText()));
        assertEquals("UNKNOWN", http.get("/api/v1/me/payments/" + unknown.get("id").asText(), token).json().get("status").asText());
        Http.Reply reconciled = http.post("/api/v1/admin/jobs/reconcile/run", Http.json(Map.of()), adminToken());
        assertEquals(reconciled.toString(), 200, reconciled.status());
        assertTrue(reconciled.body(), reconciled.json().get("counts").get("settled").asInt() >= 2);
        assertEquals("COMPLETED", http.get("/api/v1/me/payments/" + unknown.get("id").asText(), token).json().get("status").asText());
        assertEquals("COMPLETED", http.get("/api/v1/me/payments/" + thrown.get("id").asText(), token).json().get("status").asText());
        assertEquals("PAID", invoiceJson(invoice).get("status").asText());
    }

    @Test
    public void offlinePaymentReportsAreConfirmedOnceOrRejectedWithAReason() throws Exception {
        String first = invoice("20.00", "EUR");
        String second = invoice("10.00", "EUR");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("invoiceIds", List.of(first, second));
        report.put("amount", new BigDecimal("35.00"));
        report.put("paidOn", java.time.LocalDate.now().toString());
        report.put("branch", "Sevilla Centro");
        report.put("receiptNumber", "R-" + unique());
        Http.Reply submitted = http.post("/api/v1/me/payments/reports", Http.json(report), token);
        assertEquals(submitted.toString(), 201, submitted.status());
        assertEquals("SUBMITTED", submitted.json().get("status").asText());
        String id = submitted.json().get("id").asText();
        assertEquals("UNPAID", invoiceJson(first).get("status").asText()); // nothing happens before staff confirm

        // two staff members confirm at once: one payment
        String staff = adminToken();
        List<Callable<Integer>> confirms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            confirms.add(() -> http.post("/api/v1/admin/payment-reports/" + id + "/confirm", "", staff).status());
        }
        List<Integer> statuses = runAll(confirms);
        assertEquals(statuses.toString(), 1, statuses.stream().filter(st -> st == 200).count());
        assertEquals(statuses.toString(), 3, statuses.stream().filter(st -> st == 409).count());
        assertEquals("PAID", invoiceJson(first).get("status").asText());
        assertEquals("PAID", invoiceJson(second).get("status").asText());
        assertAmount("5.00", http.get("/api/v1/me/credit", token).json().get(0).get("balance")); // 35 - 30 owed
        JsonNode mine = http.get("/api/v1/me/payments/reports", token).json();
        assertEquals("CONFIRMED", mine.get(0).get("status").asText());
        assertEquals("offline", http.get("/api/v1/me/payments/" + mine.get(0).get("paymentId").asText(), token).json().get("gateway")
                .asText());
        mailbox.awaitTo(email, "Payment received");

        // the same receipt twice is one report
        assertProblem(http.post("/api/v1/me/payments/reports", Http.json(report), token), 409, "report-duplicate");

        // rejected with a reason, and the customer is told
        String third = invoice("9.00", "EUR");
        report.put("invoiceIds", List.of(third));
        report.put("receiptNumber", "X-" + unique());
        String rejected = http.post("/api/v1/me/payments/reports", Http.json(report), token).json().get("id").asText();
        assertProblem(http.post("/api/v1/admin/payment-reports/" + rejected + "/reject", Http.json(Map.of()), adminToken()), 400, "validation");
        JsonNode decision = http.post("/api/v1/admin/payment-reports/" + rejected + "/reject",
                Http.json(Map.of("reason", "No such receipt at that branch")), adminToken()).json();
        assertEquals("REJECTED", decision.get("status").asText());
        assertTrue(Mailbox.text(mailbox.awaitTo(email, "was not accepted")).contains("No such receipt at that branch"));
        assertEquals("UNPAID", invoiceJson(third).get("status").asText());
        assertProblem(http.post("/api/v1/admin/payment-reports/" + rejected + "/confirm", "", adminToken()), 409, "report-decided");

        // bad reports store nothing
        report.put("paidOn", java.time.LocalDate.now().plusDays(10).toString());
        assertProblem(http.post("/api/v1/me/payments/reports", Http.json(report), token), 400, "validation");
        report.put("paidOn", java.time.LocalDate.now().toString());
        report.put("amount", new BigDecimal("-3"));
        assertProblem(http.post("/api/v1/me/payments/reports", Http.json(report), token), 400, "validation");
        assertEquals(2, http.get("/api/v1/me/payments/reports", token).json().size());
    }

    @Test
    public void addedFundsBecomeCreditOnceAndRefundsWriteCompensatingEntries() {
        Http.Reply funds = http.post("/api/v1/me/credit/add-funds", Http.json(Map.of("currency", "EUR", "amount", 25)), token);
        assertEquals(funds.toString(), 201, funds.status());
        assertEquals("ADD_FUNDS", funds.json().get("kind").asText());
        assertEquals("UNPAID", funds.json().get("status").asText());
        String fundsId = funds.json().get("id").asText();
        assertProblem(http.post("/api/v1/me/invoices/" + fundsId + "/apply-credit", Http.json(Map.of()), token), 422,
                "add-funds-not-from-credit");
        assertProblem(http.post("/api/v1/me/credit/add-funds", Http.json(Map.of("currency", "EUR", "amount", 0)), token), 400, "validation");
        assertEquals("COMPLETED", pay(fundsId, Map.of("gateway", "test"), null).get("status").asText());
        assertAmount("25.00", http.get("/api/v1/me/credit", token).json().get(0).get("balance"));
        assertTrue(Mailbox.text(mailbox.awaitTo(email, "Credit added")).contains("25.00"));

        // an invoice paid 10 from credit and 20 by the gateway, refunded: the 10 come back as credit
        String invoice = invoice("30.00", "EUR");
        assertEquals(200, http.post("/api/v1/me/invoices/" + invoice + "/apply-credit", Http.json(Map.of("amount", 10)), token).status());
        assertEquals("COMPLETED", pay(invoice, Map.of("gateway", "test"), null).get("status").asText());
        assertAmount("15.00", http.get("/api/v1/me/credit", token).json().get(0).get("balance"));
        JsonNode refunded = http.post("/api/v1/admin/invoices/" + invoice + "/refund", Http.json(Map.of("reason", "goodwill")),
                adminToken()).json();
        assertEquals("REFUNDED", refunded.get("status").asText());
        assertAmount("30.00", refunded.get("amountRefunded"));
        assertAmount("0.00", refunded.get("amountPaid"));
        assertAmount("25.00", http.get("/api/v1/me/credit", token).json().get(0).get("balance"));
        assertProblem(http.post("/api/v1/admin/invoices/" + invoice + "/refund", Http.json(Map.of()), adminToken()), 422,
                "invoice-not-refundable");

        // the add-funds invoice can be refunded only while its credit is unspent
        String spend = invoice("20.00", "EUR");
        assertEquals(200, http.post("/api/v1/me/invoices/" + spend + "/apply-credit", Http.json(Map.of()), token).status());
        assertProblem(http.post("/api/v1/admin/invoices/" + fundsId + "/refund", Http.json(Map.of()), adminToken()), 422, "credit-spent");
        assertAmount("5.00", http.get("/api/v1/me/credit", token).json().get(0).get("balance"));
    }

    @Test
    public void storedPaymentMethodsAreGatewayReferencesWithOneDefault() {
        assertProblem(http.post("/api/v1/me/payment-methods", Http.json(Map.of("gateway", "test", "label", "Visa",
                "reference", "4111 1111 1111 1111")), token), 400, "validation");
        JsonNode first = http.post("/api/v1/me/payment-methods", Http.json(Map.of("gateway", "test", "label", "Main card",
                "reference", "vault:tok-AAAA1111")), token).json();
        assertTrue(first.get("isDefault").asBoolean());
        assertEquals("…1111", first.get("referenceHint").asText());
        JsonNode second = http.post("/api/v1/me/payment-methods", Http.json(Map.of("gateway", "test", "label", "Backup",
                "reference", "vault:tok-BBBB2222")), token).json();
        assertTrue(!second.get("isDefault").asBoolean());
        assertTrue(http.send("PUT", "/api/v1/me/payment-methods/" + second.get("id").asText() + "/default", null, null, token, Map.of())
                .json().get("isDefault").asBoolean());
        JsonNode listed = http.get("/api/v1/me/payment-methods", token).json();
        assertEquals(2, listed.size());
        assertEquals(1, java.util.stream.StreamSupport.stream(listed.spliterator(), false).filter(m -> m.get("isDefault").asBoolean()).count());
        assertTrue(!listed.toString().contains("tok-AAAA"));

        String invoice = invoice("12.00", "EUR");
        assertProblem(http.post("/api/v1/me/invoices/" + invoice + "/payments", Http.json(Map.of("gateway", "test",
                "options", Map.of("methodReference", "vault:someone-elses"))), token), 400, "validation");
        JsonNode paid = pay(invoice, Map.of("gateway", "test", "options", Map.of("paymentMethodId", second.get("id").asText())), null);
        assertEquals("approved with a stored method", paid.get("message").asText());

        assertEquals(204, http.send("DELETE", "/api/v1/me/payment-methods/" + second.get("id").asText(), null, null, token, Map.of())
                .status());
        JsonNode left = http.get("/api/v1/me/payment-methods", token).json();
        assertEquals(1, left.size());
        assertTrue(left.get(0).get("isDefault").asBoolean());
        String otherEmail = uniqueEmail();
        createCustomer("Other", otherEmail, "other-password-1");
        assertProblem(http.send("DELETE", "/api/v1/me/payment-methods/" + first.get("id").asText(), null, null,
                loginToken(otherEmail, "other-password-1"), Map.of()), 404, "payment-method-not-found");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private Http.Reply callback(String body, String signature) {
        return http.send("POST", "/api/v1/payments/callback/test", body, "application/json", null, Map.of("X-Test-Signature", signature));
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TEST_GATEWAY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode pay(String invoiceId, Map<String, Object> body, Map<String, String> headers) {
        Http.Reply reply = http.send("POST", "/api/v1/me/invoices/" + invoiceId + "/payments", Http.json(body), "application/json", token,
                headers == null ? Map.of() : headers);
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }

    private JsonNode invoiceJson(String id) {
        return http.get("/api/v1/me/invoices/" + id, token).json();
    }

    private String invoice(String amount, String currency) {
        return issueInvoice(accountId, amount, currency).get("id").asText();
    }

}
