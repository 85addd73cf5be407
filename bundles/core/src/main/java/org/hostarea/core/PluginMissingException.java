package org.hostarea.core;

import java.time.Duration;

/**
 * The request needs a plugin (payment gateway, notification channel, recipient resolver) that is not
 * installed right now. Answers 503 {@code plugin-missing} with a {@code Retry-After} header.
 */
public class PluginMissingException extends UnavailableException {

    private static final long serialVersionUID = 1L;

    public PluginMissingException(String detail, Duration retryAfter) {
        super("plugin-missing", detail, retryAfter);
    }

    @Override
    public String title() {
        return "Plugin Not Available";
    }
}
