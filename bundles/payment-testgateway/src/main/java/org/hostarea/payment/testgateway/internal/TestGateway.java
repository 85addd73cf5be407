package org.hostarea.payment.testgateway.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hostarea.billing.spi.CallbackRejectedException;
import org.hostarea.billing.spi.GatewayEvent;
import org.hostarea.billing.spi.PaymentGateway;
import org.hostarea.billing.spi.PaymentOutcome;
import org.hostarea.billing.spi.PaymentRequest;
import org.hostarea.billing.spi.PaymentResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A gateway for tests: the payment option {@code mode} (or the configured default) picks the outcome:
 * {@code complete}, {@code decline}, {@code pending} (completed later by a signed callback), {@code error}
 * (UNKNOWN), {@code timeout} and {@code throw} (the call fails, as a vanished provider or bundle would).
 * Callbacks are JSON {@code {"eventId","paymentId","outcome"}} signed with HMAC-SHA256 of the body in
 * {@code X-Test-Signature}. Status queries answer the configured outcome. Never install it in production.
 */
@Component(service = PaymentGateway.class, configurationPid = TestGatewayConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TestGatewayConfiguration.class)
public class TestGateway implements PaymentGateway {

    static final String ID = "test";
    static final String SIGNATURE = "X-Test-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile TestGatewayConfiguration config;

    @Activate
    public TestGateway(TestGatewayConfiguration config) {
        this.config = config;
    }

    @Modified
    void configure(TestGatewayConfiguration config) {
        this.config = config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Test gateway (tests only)";
    }

    @Override
    public Set<String> currencies() {
        return Set.of();
    }

    @Override
    public PaymentResult start(PaymentRequest request) {
        String mode = request.options().getOrDefault("mode", config.mode()).toLowerCase(Locale.ROOT);
        String reference = "test-" + request.paymentId();
        return switch (mode) {
            case "complete" -> PaymentResult.of(PaymentOutcome.COMPLETED, reference,
                    request.options().containsKey("methodReference") ? "approved with a stored method" : "approved");
            case "decline" -> PaymentResult.of(PaymentOutcome.DECLINED, reference, "declined by the test gateway");
            case "pending" -> new PaymentResult(PaymentOutcome.PENDING, reference,
                    "https://test-gateway.invalid/approve/" + request.paymentId(), null, "waiting for approval");
            case "error" -> PaymentResult.of(PaymentOutcome.UNKNOWN, reference, "provider error");
            case "timeout" -> throw new UncheckedIOException(new HttpTimeoutException("test gateway timed out"));
            case "throw" -> throw new IllegalStateException("test gateway failure");
            default -> PaymentResult.of(PaymentOutcome.DECLINED, reference, "unknown test mode " + mode);
        };
    }

    @Override
    public GatewayEvent callback(Map<String, List<String>> headers, byte[] body) {
        String secret = config.secret();
        if (secret == null || secret.isEmpty()) {
            throw new CallbackRejectedException("no callback secret is configured");
        }
        String given = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(SIGNATURE))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        byte[] expected = HexFormat.of().formatHex(hmac(secret, body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
            throw new CallbackRejectedException("bad signature");
        }
        try {
            JsonNode event = JSON.readTree(body);
            PaymentOutcome outcome = PaymentOutcome.valueOf(event.path("outcome").asText());
            String paymentId = event.path("paymentId").asText(null);
            return new GatewayEvent(event.path("eventId").asText(null), paymentId,
                    PaymentResult.of(outcome, paymentId == null ? null : "test-" + paymentId, "callback"));
        } catch (IOException | IllegalArgumentException e) {
            throw new CallbackRejectedException("not a test gateway event");
        }
    }

    @Override
    public PaymentResult status(String paymentId, String providerReference) {
        return PaymentResult.of(PaymentOutcome.valueOf(config.statusOutcome()), "test-" + paymentId, "status query");
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
