package org.hostarea.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the API under test: real requests to the running distribution. */
public final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * How long a request may go without an answer: longer than Derby's lock wait (60 s), so that a request stuck
     * behind a lock ends with the server's own error, which says more than a client timeout. Requests slower than
     * {@link SlowRequests#AFTER} leave a thread dump of the container behind.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;

    /** @param root e.g. {@code http://localhost:18181} */
    public Http(String root) {
        this.root = root;
    }

    /** One answer: status, headers and body, with the body parsed as JSON on demand. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The slug of a problem's type, e.g. {@code route-not-found}. */
        public String problemType() {
            String type = json().path("type").asText();
            return type.startsWith("urn:hostarea:problem:") ? type.substring("urn:hostarea:problem:".length()) : type;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** The base address, e.g. {@code http://localhost:18181}. */
    public String root() {
        return root;
    }

    public Reply get(String path, String token) {
        return send("GET", path, null, null, token, Map.of());
    }

    public Reply post(String path, String json, String token) {
        return send("POST", path, json, json == null ? null : "application/json", token, Map.of());
    }

    /** A POST that may take long (a job run over a large data set). */
    public Reply post(String path, String json, String token, Duration timeout) {
        return send("POST", path, json, "application/json", token, Map.of(), timeout);
    }

    public Reply send(String method, String path, String body, String contentType, String token, Map<String, String> headers) {
        return send(method, path, body, contentType, token, headers, TIMEOUT);
    }

    private Reply send(String method, String path, String body, String contentType, String token, Map<String, String> headers,
            Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return exchange(method, path, request.build(), HttpResponse.BodyHandlers.ofString(),
                response -> new Reply(response.statusCode(), response.headers(), response.body()));
    }

    /** Sends one request, with the slow-request watchdog on it. */
    private <B, T> T exchange(String method, String path, HttpRequest request, HttpResponse.BodyHandler<B> body,
            java.util.function.Function<HttpResponse<B>, T> answer) {
        java.util.concurrent.ScheduledFuture<?> watch = SlowRequests.watch(method + " " + path);
        try {
            return answer.apply(client.send(request, body));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            watch.cancel(false);
        }
    }

    /** A POST of raw bytes (an upload). */
    public Reply upload(String path, byte[] body, String contentType, String token) {
        return sendBytes("POST", path, body, contentType, token);
    }

    /** Raw bytes as the body of any method (a document, or bytes that are not valid UTF-8). */
    public Reply sendBytes(String method, String path, byte[] body, String contentType, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(method, path, request.build(), HttpResponse.BodyHandlers.ofString(),
                response -> new Reply(response.statusCode(), response.headers(), response.body()));
    }

    /** The raw body of a GET (a PDF, say); fails unless the answer is 200. */
    public byte[] bytes(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange("GET", path, request.build(), HttpResponse.BodyHandlers.ofByteArray(), response -> {
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        });
    }

    /** Serialises test data to a JSON body. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
