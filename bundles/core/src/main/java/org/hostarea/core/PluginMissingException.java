package org.hostarea.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The request needs a plugin (payment gateway, notification channel) that is not installed right now.
 * Answers 503 with a {@code Retry-After} header; nothing was changed, so the client may simply retry.
 */
public class PluginMissingException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public PluginMissingException(String detail, Duration retryAfter) {
        super("plugin-missing", detail);
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
        return "Plugin Not Available";
    }
}
