package org.hostarea.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The request cannot be served right now, but may be later: answers 503 with a {@code Retry-After}
 * header. Nothing was changed, so the client may simply retry.
 */
public class UnavailableException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** @param type the stable slug, e.g. {@code overloaded} */
    public UnavailableException(String type, String detail, Duration retryAfter) {
        super(type, detail);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long the client should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Service Unavailable";
    }
}
