package org.hostarea.notifications.internal.rest;

import java.time.Instant;
import java.util.List;

import org.hostarea.notifications.Message;
import org.hostarea.notifications.MessageStatus;

/** A message as its customer sees it in the log (no delivery internals). */
public record CustomerMessage(String id, String channel, String templateKey, String language, List<String> recipients,
        String subject, String text, String html, MessageStatus status, Instant createdAt, Instant sentAt) {

    static CustomerMessage of(Message m) {
        return new CustomerMessage(m.id(), m.channel(), m.templateKey(), m.language(), m.recipients(), m.subject(), m.text(),
                m.html(), m.status(), m.createdAt(), m.sentAt());
    }
}
