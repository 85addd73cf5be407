package org.hostarea.notifications;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message to send.
 *
 * @param templateKey the template, e.g. {@code identity.password-reset}; contributed by the owning bundle
 * @param accountId the account it concerns (its message log shows it); {@code null} for none
 * @param language {@code en}, {@code es} or {@code de}; a template missing in it falls back to {@code en}
 * @param channel the channel type that delivers it, e.g. {@link #EMAIL} or {@link #WEBHOOK}
 * @param recipients explicit addresses (email addresses for the email channel)
 * @param category optional: also send to the account's recipients of this category ({@code INVOICES}...),
 *     as the {@link org.hostarea.notifications.spi.RecipientResolver} plugins answer
 * @param params the values for the template; rendered as text, never as template code
 * @param idempotencyKey optional: a second send with the same key stores nothing and returns the first message
 * @param sensitive the message carries a secret (a reset, invitation or verification link): its body is never
 *     shown in the message log or to staff, and is erased from storage once delivered
 */
public record OutgoingMessage(String templateKey, String accountId, String language, String channel,
        List<String> recipients, String category, Map<String, Object> params, String idempotencyKey, boolean sensitive) {

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    public OutgoingMessage {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        params = params == null ? Map.of() : Map.copyOf(params);
        channel = Objects.requireNonNullElse(channel, EMAIL);
    }

    /** An email to explicit addresses. */
    public static OutgoingMessage email(String templateKey, String accountId, String language, List<String> recipients,
            Map<String, Object> params) {
        return new OutgoingMessage(templateKey, accountId, language, EMAIL, recipients, null, params, null, false);
    }

    public OutgoingMessage withIdempotencyKey(String key) {
        return new OutgoingMessage(templateKey, accountId, language, channel, recipients, category, params, key, sensitive);
    }

    /** The same message, marked as carrying a secret link (see {@code sensitive}). */
    public OutgoingMessage asSensitive() {
        return new OutgoingMessage(templateKey, accountId, language, channel, recipients, category, params, idempotencyKey, true);
    }
}
