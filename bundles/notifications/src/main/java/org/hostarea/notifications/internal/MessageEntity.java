package org.hostarea.notifications.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.hostarea.notifications.Message;
import org.hostarea.notifications.MessageStatus;

/**
 * A message in the outbox, rendered at send time so the log shows exactly what was sent. The lease
 * ({@code leaseOwner}, {@code leaseUntil}) marks the dispatcher that is delivering it right now; an
 * expired lease means that dispatcher died and another may take the message. Times are epoch millis.
 */
@Entity
@Table(name = "HA_MESSAGE",
        uniqueConstraints = @UniqueConstraint(name = "UQ_MESSAGE_IDEMPOTENCY", columnNames = "IDEMPOTENCY_KEY"),
        indexes = {
            @Index(name = "IX_MESSAGE_DUE", columnList = "STATUS,NEXT_ATTEMPT_AT"),
            @Index(name = "IX_MESSAGE_ACCOUNT", columnList = "ACCOUNT_ID,CREATED_AT")})
public class MessageEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Column(name = "CHANNEL", length = 32, nullable = false)
    private String channel;

    @Column(name = "TEMPLATE_KEY", length = 100, nullable = false)
    private String templateKey;

    @Column(name = "LANGUAGE", length = 5, nullable = false)
    private String language;

    /** Newline-separated addresses (addresses never contain control characters). */
    @Column(name = "RECIPIENTS", length = 4000, nullable = false)
    private String recipients;

    @Column(name = "SUBJECT", length = 1000, nullable = false)
    private String subject;

    @Lob
    @Column(name = "BODY_TEXT", nullable = false)
    private String text;

    @Lob
    @Column(name = "BODY_HTML")
    private String html;

    @Column(name = "IDEMPOTENCY_KEY", length = 200)
    private String idempotencyKey;

    /** Carries a secret link: the body is never shown, and erased once delivered. */
    @Column(name = "SENSITIVE", nullable = false)
    private boolean sensitive;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private MessageStatus status;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    @Column(name = "LEASE_OWNER", length = 64)
    private String leaseOwner;

    @Column(name = "LEASE_UNTIL")
    private Long leaseUntil;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "SENT_AT")
    private Long sentAt;

    protected MessageEntity() {
    }

    MessageEntity(String id, String accountId, String channel, String templateKey, String language, List<String> recipients,
            RenderedMessage rendered, String idempotencyKey, boolean sensitive, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.channel = channel;
        this.templateKey = templateKey;
        this.language = language;
        this.recipients = String.join("\n", recipients);
        this.subject = rendered.subject();
        this.text = rendered.text();
        this.html = rendered.html();
        this.idempotencyKey = idempotencyKey;
        this.sensitive = sensitive;
        this.status = MessageStatus.QUEUED;
        this.createdAt = now.toEpochMilli();
        this.nextAttemptAt = now.toEpochMilli();
    }

    static final String WITHHELD = "(This message contained a private link; it is not shown here.)";

    /** The message as customers and staff see it: a sensitive body is withheld. */
    Message toDto() {
        return new Message(id, accountId, channel, templateKey, language, recipientList(), subject, sensitive ? WITHHELD : text,
                sensitive ? null : html, status, attempts, lastError, Instant.ofEpochMilli(createdAt),
                sentAt == null ? null : Instant.ofEpochMilli(sentAt));
    }

    List<String> recipientList() {
        return recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split("\n"));
    }

    String id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    String channel() {
        return channel;
    }

    int attempts() {
        return attempts;
    }

    String leaseOwner() {
        return leaseOwner;
    }

    /** What a channel gets to deliver this message, for its next attempt. */
    org.hostarea.notifications.spi.Delivery toDelivery() {
        return new org.hostarea.notifications.spi.Delivery(id, accountId, templateKey, language, recipientList(), subject,
                text, html, Instant.ofEpochMilli(createdAt), attempts + 1);
    }

    /** The channel took it. */
    void sent(Instant now) {
        attempts++;
        if (sensitive) {
            text = WITHHELD; // the secret has been delivered; it does not stay in the database
            html = null;
        }
        status = MessageStatus.SENT;
        sentAt = now.toEpochMilli();
        lastError = null;
        leaseOwner = null;
        leaseUntil = null;
    }

    /** An attempt failed: try again at {@code retryAt}, or give up ({@code retryAt == null}). */
    void attemptFailed(String error, Instant retryAt) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        leaseOwner = null;
        leaseUntil = null;
        if (retryAt == null) {
            status = MessageStatus.FAILED;
        } else {
            nextAttemptAt = retryAt.toEpochMilli();
        }
    }
}
