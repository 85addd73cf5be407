package org.hostarea.notifications;

import java.time.LocalDate;
import java.util.Optional;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The outbox. {@link #send} joins the caller's JTA transaction: if the caller rolls back, nothing is
 * stored and nothing is sent; if it commits, the message will be delivered (retried until a channel
 * takes it, or FAILED for staff after the configured attempts). With no channel of the message's type
 * installed, the message waits QUEUED and goes out when one appears.
 */
@ProviderType
public interface NotificationService {

    /**
     * Renders and stores a message for delivery.
     *
     * @return the stored message (the first one, if the idempotency key was used before)
     * @throws org.hostarea.core.ValidationException for an unknown template or language, a bad address
     *     (including CR/LF), no recipient for a channel that needs them
     * @throws org.hostarea.core.PluginMissingException if a category is given and no recipient resolver
     *     is installed
     */
    Message send(OutgoingMessage message);

    /** The account's messages, newest first. */
    Page<Message> messagesOf(String accountId, PageRequest page);

    /** @throws org.hostarea.core.NotFoundException if the message does not exist or belongs to another account */
    Message messageOf(String accountId, String messageId);

    /** All messages, newest first, optionally of one status (for staff). */
    Page<Message> messages(Optional<MessageStatus> status, PageRequest page);

    /** @throws org.hostarea.core.NotFoundException if there is no such message */
    Message message(String messageId);

    /**
     * Queues a FAILED message again with fresh attempts.
     *
     * @throws org.hostarea.core.ConflictException if it is not FAILED
     */
    Message retry(String messageId);

    /**
     * Deletes every message created before the retention cutoff for the given day (by default 1 January
     * of the year before last).
     *
     * @return how many messages were deleted
     */
    int purge(LocalDate asOf);

    /** The retention cutoff for a day: messages created before it are purged. */
    LocalDate retentionCutoff(LocalDate asOf);
}
