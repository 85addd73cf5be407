package org.hostarea.identity.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.hostarea.core.access.SubjectType;

/**
 * A login session. The bearer token itself is never stored, only its SHA-256 ({@code tokenHash}).
 * Sessions live in the database so that every node of a cluster accepts the same token and a restart
 * keeps them. Times are epoch milliseconds.
 */
@Entity
@Table(name = "HA_SESSION",
        uniqueConstraints = @UniqueConstraint(name = "UQ_SESSION_TOKEN", columnNames = "TOKEN_HASH"),
        indexes = {@Index(name = "IX_SESSION_SUBJECT", columnList = "SUBJECT_ID"),
                // schema version 2 (db/identity/*/V2__session_indexes.sql)
                @Index(name = "IX_SESSION_ACCOUNT", columnList = "ACCOUNT_ID"),
                @Index(name = "IX_SESSION_EXPIRES", columnList = "EXPIRES_AT")})
public class SessionEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TOKEN_HASH", length = 64, nullable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "SUBJECT_TYPE", length = 16, nullable = false)
    private SubjectType subjectType;

    @Column(name = "SUBJECT_ID", length = 36, nullable = false)
    private String subjectId;

    /** The account the session acts on (the chosen one, for a user linked to several). */
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "LAST_SEEN_AT", nullable = false)
    private long lastSeenAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "REMOTE_ADDRESS", length = 64)
    private String remoteAddress;

    @Column(name = "USER_AGENT", length = 255)
    private String userAgent;

    protected SessionEntity() {
    }

    SessionEntity(String id, String tokenHash, SubjectType subjectType, String subjectId, String accountId, Instant now,
            Instant expiresAt, String remoteAddress, String userAgent) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.accountId = accountId;
        this.createdAt = now.toEpochMilli();
        this.lastSeenAt = now.toEpochMilli();
        this.expiresAt = expiresAt.toEpochMilli();
        this.remoteAddress = remoteAddress;
        this.userAgent = userAgent;
    }

    String id() {
        return id;
    }

    org.hostarea.identity.SessionInfo toInfo(String currentSessionId) {
        return new org.hostarea.identity.SessionInfo(id, Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(lastSeenAt),
                Instant.ofEpochMilli(expiresAt), remoteAddress, userAgent, id.equals(currentSessionId));
    }

    SubjectType subjectType() {
        return subjectType;
    }

    String subjectId() {
        return subjectId;
    }

    String accountId() {
        return accountId;
    }

    Instant lastSeenAt() {
        return Instant.ofEpochMilli(lastSeenAt);
    }

    Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }
}
