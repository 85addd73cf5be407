package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The PayPal plugin against a local server that implements the PayPal endpoints it uses as PayPal documents
 * them (OAuth2 client credentials, Orders v2 create / get / capture, verify-webhook-signature), asserting the
 * requests' shapes: approval and capture on the customer's return, webhooks verified by the API and taken
 * once, a forged webhook changing nothing, and declines, 5xx and timeouts.
 */
public class PayPalIT extends HostareaTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FEATURE = "hostarea-payment-paypal";

    /** The PayPal sandbox as far as the plugin uses it. */
    static final class FakePayPal {

        final HttpServer server;
        final AtomicInteger tokens = new AtomicInteger();
        final Map<String, String> orderStatus = new ConcurrentHashMap<>();
        final Map<String, String> ordersByRequestId = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> captures = new ConcurrentHashMap<>();
        final List<JsonNode> orderRequests = new CopyOnWriteArrayList<>();
        final List<String> problems = new CopyOnWriteArrayList<>();
        final CountDownLatch never = new CountDownLatch(1);

        FakePayPal() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", PAYPAL_PORT), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/v1/oauth2/token", this::token);
            server.createContext("/v2/checkout/orders", this::orders);
            server.createContext("/v1/notifications/verify-webhook-signature", this::verify);
            server.start();
        }

        void stop() {
            never.countDown();
            server.stop(0);
        }

        private void token(HttpExchange exchange) throws IOException {
            String basic = "Basic " + Base64.getEncoder().encodeToString("itest-client:itest-secret".getBytes(StandardCharsets.UTF_8));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod()) || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    || !body.equals("grant_type=client_credentials")) {
                problems.add("token request " + exchange.getRequestMethod() + " " + body);
                answer(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            tokens.incrementAndGet();
            answer(exchange, 200, "{\"scope\":\"https://uri.paypal.com/services/payments/payment\",\"access_token\":\"A21-token\","
                    + "\"token_type\":\"Bearer\",\"app_id\":\"APP-1\",\"expires_in\":32400,\"nonce\":\"n\"}");
        }

        private void orders(HttpExchange exchange) throws IOException {
            if (!"Bearer A21-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problems.add("orders without the bearer token");
                answer(exchange, 401, "{\"name\":\"AUTHENTICATION_FAILURE\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("POST".equals(method) && path.equals("/v2/checkout/orders")) {
                create(exchange);
            } else if ("GET".equals(method) && path.matches("/v2/checkout/orders/[^/]+")) {
                String id = path.substring(path.lastIndexOf('/') + 1);
                String status = orderStatus.get(id);
                answer(exchange, status == null ? 404 : 200, status == null ? "{\"name\":\"RESOURCE_NOT_FOUND\"}"
                        : "{\"id\":\"" + id + "\",\"intent\":\"CAPTURE\",\"status\":\"" + status + "\"}");
            } else if ("POST".equals(method) && path.matches("/v2/checkout/orders/[^/]+/capture")) {
                String id = path.split("/")[4];
                if (exchange.getRequestHeaders().getFirst("PayPal-Request-Id") == null) {
                    problems.add("capture without PayPal-Request-Id");
                }
                if (!"APPROVED".equals(orderStatus.get(id)) && !"COMPLETED".equals(orderStatus.get(id))) {
                    answer(exchange, 422, "{\"name\":\"UNPROCESSABLE_ENTITY\",\"details\":[{\"issue\":\"ORDER_NOT_APPROVED\"}]}");
                    return;
                }
                captures.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                orderStatus.put(id, "COMPLETED");
                answer(exchange, 201, "{\"id\":\"" + id + "\",\"status\":\"COMPLETED\",\"purchase_units\":[{\"reference_id\":\"r\","
                        + "\"payments\":{\"captures\":[{\"id\":\"CAP-" + id + "\",\"status\":\"COMPLETED\"}]}}]}");
            } else {
                problems.add("unexpected " + method + " " + path);
                answer(exchange, 404, "{\"name\":\"NOT_FOUND\"}");
            }
        }

        private void create(HttpExchange exchange) throws IOException {
            JsonNode order = JSON.readTree(exchange.getRequestBody());
            orderRequests.add(order);
            String requestId = exchange.getRequestHeaders().getFirst("PayPal-Request-Id");
            JsonNode unit = order.path("purchase_units").path(0);
            String value = unit.path("amount").path("value").asText();
            if (!"CAPTURE".equals(order.path("intent").asText()) || requestId == null || unit.path("custom_id").isMissingNode()
                    || !value.matches("[0-9]+\\.[0-9]{2}") || unit.path("amount").path("currency_code").asText().length() != 3
                    || order.path("payment_source").path("paypal").path("experience_context").path("return_url").isMissingNode()) {
                problems.add("malformed order " + order);
            }
            switch (value) {
                case "13.13" -> answer(exchange, 422, "{\"name\":\"UNPROCESSABLE_ENTITY\",\"details\":[{\"issue\":\"PAYEE_NOT_ENABLED\"}]}");
                case "50.00" -> answer(exchange, 500, "{\"name\":\"INTERNAL_SERVER_ERROR\"}");
                case "60.00" -> {
                    try {
                        never.await(5, TimeUnit.SECONDS); // longer than the plugin's 1 s timeout
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(exchange, 500, "{}");
                }
                default -> {
                    String id = ordersByRequestId.computeIfAbsent(requestId, k -> "ORDER-" + (ordersByRequestId.size() + 1));
                    orderStatus.putIfAbsent(id, "PAYER_ACTION_REQUIRED");
                    answer(exchange, 200, "{\"id\":\"" + id + "\",\"status\":\"PAYER_ACTION_REQUIRED\",\"links\":["
                            + "{\"href\":\"https://api-m.sandbox.paypal.com/v2/checkout/orders/" + id + "\",\"rel\":\"self\",\"method\":\"GET\"},"
                            + "{\"href\":\"https://www.sandbox.paypal.com/checkoutnow?token=" + id + "\",\"rel\":\"payer-action\",\"method\":\"GET\"}]}");
                }
            }
        }

        private void verify(HttpExchange exchange) throws IOException {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            boolean shaped = "WH-ITEST".equals(request.path("webhook_id").asText()) && request.hasNonNull("cert_url")
                    && request.hasNonNull("transmission_id") && request.hasNonNull("auth_algo") && request.hasNonNull("transmission_time")
                    && request.path("webhook_event").hasNonNull("event_type");
            if (!shaped) {
                problems.add("malformed verify request " + request);
            }
            boolean good = shaped && "good-signature".equals(request.path("transmission_sig").asText());
            answer(exchange, 200, "{\"verification_status\":\"" + (good ? "SUCCESS" : "FAILURE") + "\"}");
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }

    @javax.inject.Inject
    org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    private FakePayPal paypal;
    private String accountId;
    private String token;

    @Before
    public void setUp() throws IOException {
        paypal = new FakePayPal();
        installFeature(FEATURE);
        String email = uniqueEmail();
        accountId = createCustomer("Pablo Pal", email, "pablo-password-1").get("id").asText();
        token = loginToken(email, "pablo-password-1");
        await("PayPal offered").atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/me/payment-gateways", token).body().contains("\"paypal\""));
    }

    @After
    public void tearDown() {
        paypal.stop();
    }

    @Test
    public void theCustomerApprovesAtPayPalAndTheReturnCapturesOnce() {
        String invoice = invoice("42.00");
        JsonNode pending = pay(invoice);
        assertEquals("PENDING", pending.get("status").asText());
        String order = pending.get("providerReference").asText();
        assertEquals("https://www.sandbox.paypal.com/checkoutnow?token=" + order, pending.get("redirectUrl").asText());
        JsonNode sent = paypal.orderRequests.get(paypal.orderRequests.size() - 1).path("purchase_units").path(0);
        assertEquals("42.00", sent.path("amount").path("value").asText());
        assertEquals("EUR", sent.path("amount").path("currency_code").asText());
        assertEquals(pending.get("id").asText(), sent.path("custom_id").asText());

        String refresh = "/api/v1/me/payments/" + pending.get("id").asText() + "/refresh";
        assertEquals("PENDING", http.post(refresh, "", token).json().get("status").asText()); // not approved yet
        paypal.orderStatus.put(order, "APPROVED");
        assertEquals("COMPLETED", http.post(refresh, "", token).json().get("status").asText());
        assertEquals("COMPLETED", http.post(refresh, "", token).json().get("status").asText());
        assertEquals(1, paypal.captures.get(order).get());
        assertEquals("PAID", http.get("/api/v1/me/invoices/" + invoice, token).json().get("status").asText());
        assertTrue(paypal.problems.toString(), paypal.problems.isEmpty());
        assertTrue("the token is reused: " + paypal.tokens.get(), paypal.tokens.get() <= 2);
    }

    @Test
    public void webhooksAreVerifiedByPayPalAndTakenOnceAForgedOneChangesNothing() {
        String invoice = invoice("30.00");
        JsonNode pending = pay(invoice);
        String paymentId = pending.get("id").asText();
        String order = pending.get("providerReference").asText();
        String event = Http.json(Map.of("id", "WH-EVT-" + unique(), "event_type", "PAYMENT.CAPTURE.COMPLETED", "resource_type", "capture",
                "resource", Map.of("id", "CAP-1", "status", "COMPLETED", "custom_id", paymentId,
                        "amount", Map.of("currency_code", "EUR", "value", "30.00"),
                        "supplementary_data", Map.of("related_ids", Map.of("order_id", order)))));

        Http.Reply forged = webhook(event, "forged-signature");
        assertProblem(forged, 400, "callback-rejected");
        assertEquals("PENDING", http.get("/api/v1/me/payments/" + paymentId, token).json().get("status").asText());
        assertProblem(http.send("POST", "/api/v1/payments/callback/paypal", event, "application/json", null, Map.of()), 400,
                "callback-rejected"); // no PayPal transmission headers at all

        assertEquals(200, webhook(event, "good-signature").status());
        assertEquals(200, webhook(event, "good-signature").status());
        assertEquals("COMPLETED", http.get("/api/v1/me/payments/" + paymentId, token).json().get("status").asText());
        JsonNode paid = http.get("/api/v1/me/invoices/" + invoice, token).json();
        assertEquals("PAID", paid.get("status").asText());
        assertEquals(0, new BigDecimal("30.00").compareTo(paid.get("amountPaid").get("amount").decimalValue()));
        assertEquals(0, http.get("/api/v1/me/credit", token).json().size());
        assertTrue(paypal.problems.toString(), paypal.problems.isEmpty());
    }

    @Test
    public void declinesServerErrorsAndTimeoutsAreRecordedAsSuch() {
        assertEquals("DECLINED", pay(invoice("13.13")).get("status").asText());
        assertEquals("UNKNOWN", pay(invoice("50.00")).get("status").asText());
        assertEquals("UNKNOWN", pay(invoice("60.00")).get("status").asText());
        assertTrue(paypal.problems.toString(), paypal.problems.isEmpty());
    }

    @Test
    public void withASettlementCurrencyTheAmountIsConvertedAtTheStaffRateAndTheRateIsKept() throws Exception {
        org.osgi.service.cm.Configuration config = configurationAdmin.getConfiguration("org.hostarea.payment.paypal", null);
        java.util.Dictionary<String, Object> properties = config.getProperties();
        java.util.Hashtable<String, Object> usd = new java.util.Hashtable<>();
        for (java.util.Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            usd.put(key, properties.get(key));
        }
        usd.put("currency", "USD");
        config.update(usd);
        try {
            // the configuration reaches the plugin asynchronously: a throwaway invoice shows when it did
            String probe = invoice("1.00");
            await("settling in USD").atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/v1/me/invoices/" + probe + "/payments",
                    Http.json(Map.of("gateway", "paypal")), token).status() == 422);
            int before = http.get("/api/v1/me/payments", token).json().get("total").asInt();
            String invoice = invoice("10.00");
            // no rate yet: a clear refusal, nothing stored
            assertProblem(http.post("/api/v1/me/invoices/" + invoice + "/payments", Http.json(Map.of("gateway", "paypal")), token), 422,
                    "exchange-rate-missing");
            assertEquals(before, http.get("/api/v1/me/payments", token).json().get("total").asInt());
            assertProblem(http.send("PUT", "/api/v1/admin/exchange-rates/EUR/USD", Http.json(Map.of("rate", -1)), "application/json",
                    adminToken(), Map.of()), 400, "validation");
            assertEquals(200, http.send("PUT", "/api/v1/admin/exchange-rates/EUR/USD", Http.json(Map.of("rate", new BigDecimal("1.0845"))),
                    "application/json", adminToken(), Map.of()).status());
            JsonNode payment = pay(invoice);
            assertEquals("10.00", payment.get("amount").get("amount").decimalValue().setScale(2).toPlainString());
            assertEquals("USD", payment.get("charged").get("currency").asText());
            assertEquals(0, new BigDecimal("10.85").compareTo(payment.get("charged").get("amount").decimalValue()));
            assertEquals(0, new BigDecimal("1.0845").compareTo(payment.get("rate").decimalValue()));
            JsonNode sent = paypal.orderRequests.get(paypal.orderRequests.size() - 1).path("purchase_units").path(0).path("amount");
            assertEquals("USD", sent.path("currency_code").asText());
            assertEquals("10.85", sent.path("value").asText());
        } finally {
            usd.put("currency", "");
            config.update(usd);
        }
    }

    private Http.Reply webhook(String event, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("PAYPAL-AUTH-ALGO", "SHA256withRSA");
        headers.put("PAYPAL-CERT-URL", "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-1");
        headers.put("PAYPAL-TRANSMISSION-ID", "T-" + unique());
        headers.put("PAYPAL-TRANSMISSION-SIG", signature);
        headers.put("PAYPAL-TRANSMISSION-TIME", "2026-11-22T10:00:00Z");
        return http.send("POST", "/api/v1/payments/callback/paypal", event, "application/json", null, headers);
    }

    private JsonNode pay(String invoice) {
        Http.Reply reply = http.post("/api/v1/me/invoices/" + invoice + "/payments", Http.json(Map.of("gateway", "paypal")), token);
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }

    private String invoice(String amount) {
        return issueInvoice(accountId, amount, "EUR").get("id").asText();
    }
}
