package org.hostarea.notifications.spi;

import java.time.Instant;
import java.util.List;

/**
 * One message handed to a channel. {@code messageId} is stable across retries: channels put it where the
 * receiver can deduplicate (the email {@code Message-ID}, the webhook event id), because after a crash
 * between sending and recording the send, the same message is delivered again.
 */
public record Delivery(String messageId, String accountId, String templateKey, String language, List<String> recipients,
        String subject, String text, String html, Instant createdAt, int attempt) {
}
