package org.hostarea.forms.spi;

import java.util.Map;

/**
 * An approved request to carry out.
 *
 * @param requestId a stable key for the executor's idempotency
 * @param actor who approved it, for the audit trail of what the executor changes
 */
public record FormExecution(String requestId, String accountId, Map<String, Object> payload, String submittedBy, String actor) {

    public FormExecution {
        payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
    }
}
