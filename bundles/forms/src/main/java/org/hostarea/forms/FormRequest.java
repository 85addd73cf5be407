package org.hostarea.forms;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A contract request.
 *
 * @param payload what the customer asked for, as its type validated it
 * @param submittedBy who submitted it (the holder, a user, ...)
 * @param assignee the staff member working on it, if any
 * @param approvals the staff members who approved it (two for types that need four eyes)
 * @param error why its execution failed (FAILED)
 * @param history every transition, oldest first
 * @param otherAccountId the account the request concerns besides its own (a receiving or merged account), if any
 * @param acceptance PENDING, ACCEPTED or DECLINED where the other party must accept; {@code null} otherwise
 * @param executeOn the day from which it is carried out once approved; {@code null}: at once
 */
public record FormRequest(String id, String type, String accountId, String submittedBy, FormStatus status,
        Map<String, Object> payload, String assignee, List<String> approvals, String error, List<FormTransition> history,
        List<AttachmentInfo> attachments, String otherAccountId, String acceptance, java.time.LocalDate executeOn, Instant createdAt,
        Instant updatedAt) {

    public FormRequest {
        payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
        approvals = List.copyOf(approvals);
        history = List.copyOf(history);
        attachments = List.copyOf(attachments);
    }
}
