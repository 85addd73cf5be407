package org.hostarea.notifications.internal.rest;

import java.util.List;
import java.util.Map;

/** Staff send a message with a template: {@code POST /api/v1/admin/messages}. */
public record SendRequest(String templateKey, String accountId, String language, String channel, List<String> recipients,
        String category, Map<String, String> params) {
}
