package org.hostarea.forms.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.hostarea.forms.FormStatus;
import org.hostarea.forms.FormTransition;

/** The audit trail of a request: append-only. */
@Entity
@Table(name = "HA_FORM_TRANSITION", indexes = @Index(name = "IX_FORM_TRANSITION_REQUEST", columnList = "REQUEST_ID, OCCURRED_AT"))
public class FormTransitionEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REQUEST_ID", length = 36, nullable = false)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS", length = 16)
    private FormStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS", length = 16, nullable = false)
    private FormStatus to;

    @Column(name = "ACTOR", length = 80, nullable = false)
    private String actor;

    @Column(name = "COMMENT_TEXT", length = 2000)
    private String comment;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long at;

    protected FormTransitionEntity() {
    }

    FormTransitionEntity(String id, String requestId, FormStatus from, FormStatus to, String actor, String comment, Instant at) {
        this.id = id;
        this.requestId = requestId;
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.comment = comment;
        this.at = at.toEpochMilli();
    }

    String id() {
        return id;
    }

    FormTransition toDto() {
        return new FormTransition(from, to, actor, comment, Instant.ofEpochMilli(at));
    }
}
