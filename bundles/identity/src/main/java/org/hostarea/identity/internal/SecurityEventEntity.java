package org.hostarea.identity.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.hostarea.identity.SecurityEvent;

/** One line of the security audit log. Never holds a password or a token. Times are epoch milliseconds. */
@Entity
@Table(name = "HA_SECURITY_EVENT", indexes = {
        @Index(name = "IX_SECEVENT_AT", columnList = "OCCURRED_AT"),
        @Index(name = "IX_SECEVENT_ACCOUNT", columnList = "ACCOUNT_ID,OCCURRED_AT")})
public class SecurityEventEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long at;

    @Column(name = "TYPE", length = 40, nullable = false)
    private String type;

    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    @Column(name = "ACTOR", length = 120)
    private String actor;

    @Column(name = "REMOTE_ADDRESS", length = 64)
    private String remoteAddress;

    @Column(name = "DETAIL", length = 500)
    private String detail;

    protected SecurityEventEntity() {
    }

    SecurityEventEntity(String id, Instant at, String type, String accountId, String actor, String remoteAddress, String detail) {
        this.id = id;
        this.at = at.toEpochMilli();
        this.type = type;
        this.accountId = accountId;
        this.actor = actor;
        this.remoteAddress = remoteAddress;
        this.detail = detail;
    }

    SecurityEvent toDto() {
        return new SecurityEvent(id, Instant.ofEpochMilli(at), type, accountId, actor, remoteAddress, detail);
    }
}
