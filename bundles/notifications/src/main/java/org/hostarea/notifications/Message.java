package org.hostarea.notifications;

import java.time.Instant;
import java.util.List;

/**
 * A stored message as rendered for delivery, with its delivery state.
 *
 * @param lastError why the last attempt failed (for staff; not shown to customers)
 */
public record Message(String id, String accountId, String channel, String templateKey, String language,
        List<String> recipients, String subject, String text, String html, MessageStatus status, int attempts,
        String lastError, Instant createdAt, Instant sentAt) {
}
