package org.hostarea.payment.paypal.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hostarea.billing.spi.CallbackRejectedException;
import org.hostarea.billing.spi.GatewayEvent;
import org.hostarea.billing.spi.PaymentGateway;
import org.hostarea.billing.spi.PaymentOutcome;
import org.hostarea.billing.spi.PaymentRequest;
import org.hostarea.billing.spi.PaymentResult;
import org.hostarea.core.UnavailableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * PayPal Checkout through the Orders v2 REST API over plain HTTP. Starting a payment creates an order (intent
 * CAPTURE, our payment id as {@code custom_id} and {@code PayPal-Request-Id}, so a retry never makes a second
 * order) and answers PENDING with PayPal's approval link. When the customer is back, billing asks for the
 * status: an APPROVED order is captured (again idempotent by request id) and the payment completes. Webhooks
 * ({@code PAYMENT.CAPTURE.COMPLETED}, {@code .DENIED}, {@code .REFUNDED}) are verified by PayPal's own
 * verify-webhook-signature API; the certificate URL in a request is only passed to PayPal, never fetched here.
 * Network failures, timeouts and 5xx answers are UNKNOWN (reconciliation asks again); 4xx answers to an order
 * are DECLINED.
 */
@Component(service = PaymentGateway.class, configurationPid = PayPalConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PayPalConfiguration.class)
public class PayPalGateway implements PaymentGateway {

    static final String ID = "paypal";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WEBHOOK_HEADERS = Set.of("paypal-auth-algo", "paypal-cert-url", "paypal-transmission-id",
            "paypal-transmission-sig", "paypal-transmission-time");

    /** An OAuth2 access token and when it stops being usable. */
    private record Token(String value, Instant expiresAt) {
    }

    /** A call that could not tell what happened (network, timeout, 5xx). */
    private static final class Unsure extends Exception {
        private static final long serialVersionUID = 1L;

        Unsure(String message) {
            super(message, null, false, false);
        }
    }

    private final Clock clock = Clock.systemUTC();
    private volatile PayPalConfiguration config;
    private volatile HttpClient http;
    private volatile Token token;

    @Activate
    public PayPalGateway(PayPalConfiguration config) {
        configure(config);
    }

    @Modified
    void configure(PayPalConfiguration config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(Math.max(100, config.timeoutMillis())))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.token = null;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "PayPal";
    }

    @Override
    public Set<String> currencies() {
        return Set.of();
    }

    @Override
    public boolean enabled() {
        PayPalConfiguration current = config;
        return current.enabled() && !current.clientId().isBlank() && !current.clientSecret().isBlank();
    }

    @Override
    public String settlementCurrency() {
        String currency = config.currency();
        return currency == null || currency.isBlank() ? null : currency.strip();
    }

    @Override
    public PaymentResult start(PaymentRequest request) {
        PayPalConfiguration current = config;
        ObjectNode order = JSON.createObjectNode();
        order.put("intent", "CAPTURE");
        ObjectNode unit = order.putArray("purchase_units").addObject();
        unit.put("reference_id", request.paymentId());
        unit.put("custom_id", request.paymentId());
        unit.put("invoice_id", request.paymentId());
        unit.put("description", cut(request.description(), 127));
        ObjectNode amount = unit.putObject("amount");
        amount.put("currency_code", request.amount().currency().getCurrencyCode());
        amount.put("value", request.amount().amount().toPlainString());
        ObjectNode context = order.putObject("payment_source").putObject("paypal").putObject("experience_context");
        context.put("return_url", current.returnUrl().replace("{paymentId}", request.paymentId()));
        context.put("cancel_url", current.cancelUrl().replace("{paymentId}", request.paymentId()));
        context.put("user_action", "PAY_NOW");
        try {
            HttpResponse<String> response = call("POST", "/v2/checkout/orders", order.toString(), request.paymentId());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() / 100 == 4) {
                return PaymentResult.of(PaymentOutcome.DECLINED, null, "PayPal refused the order: " + cut(body.path("name").asText(), 80));
            }
            String orderId = body.path("id").asText(null);
            String approve = null;
            for (JsonNode link : body.path("links")) {
                if ("payer-action".equals(link.path("rel").asText()) || "approve".equals(link.path("rel").asText())) {
                    approve = link.path("href").asText(null);
                }
            }
            return new PaymentResult(PaymentOutcome.PENDING, orderId, approve, null, "approve the payment at PayPal");
        } catch (Unsure | IOException e) {
            return PaymentResult.of(PaymentOutcome.UNKNOWN, null, "PayPal did not answer: " + e.getMessage());
        }
    }

    @Override
    public PaymentResult status(String paymentId, String orderId) {
        if (orderId == null) {
            return PaymentResult.of(PaymentOutcome.UNKNOWN, null, "no PayPal order yet");
        }
        try {
            HttpResponse<String> response = call("GET", "/v2/checkout/orders/" + encode(orderId), null, null);
            if (response.statusCode() == 404) {
                return PaymentResult.of(PaymentOutcome.DECLINED, orderId, "PayPal does not know the order");
            }
            String status = JSON.readTree(response.body()).path("status").asText();
            return switch (status) {
                case "COMPLETED" -> PaymentResult.of(PaymentOutcome.COMPLETED, orderId, "captured");
                case "APPROVED" -> capture(paymentId, orderId);
                case "VOIDED" -> PaymentResult.of(PaymentOutcome.DECLINED, orderId, "the order was voided");
                default -> PaymentResult.of(PaymentOutcome.PENDING, orderId, "waiting for the customer at PayPal");
            };
        } catch (Unsure | IOException e) {
            return PaymentResult.of(PaymentOutcome.UNKNOWN, orderId, "PayPal did not answer: " + e.getMessage());
        }
    }

    /** Captures an approved order; PayPal-Request-Id makes a repeat return the first capture. */
    private PaymentResult capture(String paymentId, String orderId) throws Unsure, IOException {
        HttpResponse<String> response = call("POST", "/v2/checkout/orders/" + encode(orderId) + "/capture", "{}", "capture-" + paymentId);
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() / 100 == 4) {
            return PaymentResult.of(PaymentOutcome.DECLINED, orderId, "PayPal refused the capture: " + cut(body.path("name").asText(), 80));
        }
        String capture = body.path("purchase_units").path(0).path("payments").path("captures").path(0).path("status").asText();
        if ("COMPLETED".equals(body.path("status").asText()) && "COMPLETED".equals(capture)) {
            return PaymentResult.of(PaymentOutcome.COMPLETED, orderId, "captured");
        }
        if ("DECLINED".equals(capture) || "FAILED".equals(capture)) {
            return PaymentResult.of(PaymentOutcome.DECLINED, orderId, "the capture was declined");
        }
        return PaymentResult.of(PaymentOutcome.PENDING, orderId, "the capture is pending at PayPal");
    }

    @Override
    public GatewayEvent callback(Map<String, List<String>> headers, byte[] body) {
        PayPalConfiguration current = config;
        if (current.webhookId().isBlank()) {
            throw new CallbackRejectedException("no webhook id is configured");
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            throw new CallbackRejectedException("not JSON");
        }
        Map<String, String> transmission = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name != null && WEBHOOK_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !values.isEmpty()) {
                transmission.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        if (transmission.size() != WEBHOOK_HEADERS.size()) {
            throw new CallbackRejectedException("PayPal transmission headers missing");
        }
        ObjectNode verify = JSON.createObjectNode();
        verify.put("auth_algo", transmission.get("paypal-auth-algo"));
        verify.put("cert_url", transmission.get("paypal-cert-url"));
        verify.put("transmission_id", transmission.get("paypal-transmission-id"));
        verify.put("transmission_sig", transmission.get("paypal-transmission-sig"));
        verify.put("transmission_time", transmission.get("paypal-transmission-time"));
        verify.put("webhook_id", current.webhookId());
        verify.set("webhook_event", event);
        try {
            HttpResponse<String> response = call("POST", "/v1/notifications/verify-webhook-signature", verify.toString(), null);
            if (response.statusCode() != 200
                    || !"SUCCESS".equals(JSON.readTree(response.body()).path("verification_status").asText())) {
                throw new CallbackRejectedException("PayPal did not verify the signature");
            }
        } catch (Unsure | IOException e) {
            throw new UnavailableException("gateway-unavailable", "PayPal could not verify the webhook now: " + e.getMessage(),
                    Duration.ofSeconds(60));
        }
        JsonNode resource = event.path("resource");
        String paymentId = resource.path("custom_id").asText(null);
        String orderId = resource.path("supplementary_data").path("related_ids").path("order_id").asText(null);
        PaymentOutcome outcome = switch (event.path("event_type").asText()) {
            case "PAYMENT.CAPTURE.COMPLETED" -> PaymentOutcome.COMPLETED;
            case "PAYMENT.CAPTURE.DENIED" -> PaymentOutcome.DECLINED;
            // a refund made in PayPal's console: nothing to change here, staff refund the invoice in Hostarea
            case "PAYMENT.CAPTURE.REFUNDED" -> PaymentOutcome.PENDING;
            default -> throw new CallbackRejectedException("event type not handled: " + cut(event.path("event_type").asText(), 60));
        };
        return new GatewayEvent(event.path("id").asText(null), paymentId, PaymentResult.of(outcome, orderId,
                "PayPal " + event.path("event_type").asText()));
    }

    /** One authenticated call; a network failure, a timeout or a 5xx is {@link Unsure}. */
    private HttpResponse<String> call(String method, String path, String json, String requestId) throws Unsure {
        PayPalConfiguration current = config;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(current.baseUrl() + path))
                .timeout(Duration.ofMillis(Math.max(100, current.timeoutMillis())))
                .header("Authorization", "Bearer " + accessToken(current)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() == 401) {
            token = null; // expired early: the next call gets a new one
        }
        if (response.statusCode() >= 500) {
            throw new Unsure("PayPal answered " + response.statusCode());
        }
        return response;
    }

    /** The cached access token, or a new one from the client credentials. */
    private String accessToken(PayPalConfiguration current) throws Unsure {
        Token cached = token;
        if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
            return cached.value();
        }
        String basic = Base64.getEncoder().encodeToString((current.clientId() + ":" + current.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(current.baseUrl() + "/v1/oauth2/token"))
                .timeout(Duration.ofMillis(Math.max(100, current.timeoutMillis())))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response = send(request);
        try {
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                throw new Unsure("PayPal refused the client credentials (" + response.statusCode() + ")");
            }
            long seconds = Math.max(60, body.path("expires_in").asLong(300));
            Token fresh = new Token(body.get("access_token").asText(), clock.instant().plusSeconds(seconds - 30));
            token = fresh;
            return fresh.value();
        } catch (IOException e) {
            throw new Unsure("PayPal's token answer is not JSON");
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Unsure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unsure(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unsure("interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
