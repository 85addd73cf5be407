package org.hostarea.notify.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hostarea.notifications.OutgoingMessage;
import org.hostarea.notifications.spi.Delivery;
import org.hostarea.notifications.spi.DeliveryException;
import org.hostarea.notifications.spi.NotificationChannel;

/**
 * The webhook channel: each message becomes a JSON event POSTed to every configured URL, with the event
 * id (the stable message id) in {@code Hostarea-Event-Id} and in the body, and an HMAC-SHA256 signature
 * ({@link WebhookSignature}). Only URLs from the operator's configuration are ever called, never one a
 * customer supplied. A delivery succeeds when every URL answered 2xx; otherwise it is retried (receivers
 * deduplicate by event id). Registered by {@link WebhookChannelSwitch} only while URLs are configured.
 */
public class WebhookChannel implements NotificationChannel {

    static final String EVENT_ID_HEADER = "Hostarea-Event-Id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> urls;
    private final String secret;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    public WebhookChannel(WebhookConfiguration config, Clock clock) {
        this.urls = parseUrls(config.urls());
        if (config.secret().length() < 32) {
            throw new IllegalArgumentException("secret must be at least 32 characters");
        }
        this.secret = config.secret();
        this.timeout = Duration.ofMillis(config.timeoutMillis());
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String type() {
        return OutgoingMessage.WEBHOOK;
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryException {
        String body = body(delivery);
        for (URI url : urls) {
            long now = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(EVENT_ID_HEADER, delivery.messageId())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret, now, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            int status;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new DeliveryException(url + " unreachable: " + e, false, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException(url + ": interrupted", false, e);
            }
            if (status < 200 || status >= 300) {
                throw new DeliveryException(url + " answered " + status, false, null);
            }
        }
    }

    static String body(Delivery delivery) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", delivery.messageId());
        event.put("type", delivery.templateKey());
        event.put("accountId", delivery.accountId());
        event.put("language", delivery.language());
        event.put("createdAt", delivery.createdAt().toString());
        event.put("subject", delivery.subject());
        event.put("text", delivery.text());
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<URI> parseUrls(String urls) {
        List<URI> parsed = new ArrayList<>();
        for (String url : urls.split(",")) {
            if (url.isBlank()) {
                continue;
            }
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + url);
            }
            parsed.add(uri);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("no webhook URL configured");
        }
        return List.copyOf(parsed);
    }
}
