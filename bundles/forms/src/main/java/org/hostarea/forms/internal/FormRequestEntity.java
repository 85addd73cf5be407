package org.hostarea.forms.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

import org.hostarea.forms.FormStatus;

/** A contract request; its payload is stored as the JSON its type validated. */
@Entity
@Table(name = "HA_FORM_REQUEST", indexes = {@Index(name = "IX_FORM_ACCOUNT", columnList = "ACCOUNT_ID, CREATED_AT"),
        @Index(name = "IX_FORM_QUEUE", columnList = "STATUS, CREATED_AT"), @Index(name = "IX_FORM_OTHER", columnList = "OTHER_ACCOUNT_ID"),
        @Index(name = "IX_FORM_ACCEPT_TOKEN", columnList = "ACCEPT_TOKEN_HASH")})
public class FormRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "FORM_TYPE", length = 40, nullable = false)
    private String type;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "SUBMITTED_BY", length = 80, nullable = false)
    private String submittedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private FormStatus status;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "PAYLOAD", nullable = false)
    private String payload;

    @Column(name = "ASSIGNEE", length = 80)
    private String assignee;

    /** Staff actors who approved, comma-separated. */
    @Column(name = "APPROVALS", length = 400, nullable = false)
    private String approvals = "";

    @Column(name = "ERROR", length = 1000)
    private String error;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    /** When it was decided (rejected, executed, failed, withdrawn): attachments are purged a while after. */
    @Column(name = "DECIDED_AT")
    private Long decidedAt;

    /** The other party: an account, or a person by name and email. */
    @Column(name = "OTHER_ACCOUNT_ID", length = 36)
    private String otherAccountId;

    @Column(name = "OTHER_NAME", length = 200)
    private String otherName;

    @Column(name = "OTHER_EMAIL", length = 254)
    private String otherEmail;

    /** PENDING, ACCEPTED or DECLINED when the other party must accept; {@code null} otherwise. */
    @Column(name = "ACCEPTANCE", length = 10)
    private String acceptance;

    /** SHA-256 of the acceptance link's token (a person party), until it is used. */
    @Column(name = "ACCEPT_TOKEN_HASH", length = 64)
    private String acceptTokenHash;

    @Column(name = "ACCEPT_EXPIRES_AT")
    private Long acceptExpiresAt;

    /** The epoch day from which an approved request is carried out; {@code null}: at once. */
    @Column(name = "EXECUTE_ON")
    private Long executeOn;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected FormRequestEntity() {
    }

    FormRequestEntity(String id, String type, String accountId, String submittedBy, String payload, Instant now) {
        this.id = id;
        this.type = type;
        this.accountId = accountId;
        this.submittedBy = submittedBy;
        this.payload = payload;
        this.status = FormStatus.SUBMITTED;
        this.createdAt = now.toEpochMilli();
        this.updatedAt = createdAt;
    }

    String id() {
        return id;
    }

    void otherParty(org.hostarea.forms.spi.Party party) {
        this.otherAccountId = party.accountId();
        this.otherName = party.name();
        this.otherEmail = party.email();
    }

    org.hostarea.forms.spi.Party otherParty() {
        return otherAccountId != null ? org.hostarea.forms.spi.Party.account(otherAccountId)
                : otherEmail != null ? org.hostarea.forms.spi.Party.person(otherName, otherEmail) : null;
    }

    String otherAccountId() {
        return otherAccountId;
    }

    String acceptance() {
        return acceptance;
    }

    void acceptance(String acceptance) {
        this.acceptance = acceptance;
        if (!"PENDING".equals(acceptance)) {
            this.acceptTokenHash = null;
        }
    }

    void acceptToken(String tokenHash, Instant expiresAt) {
        this.acceptTokenHash = tokenHash;
        this.acceptExpiresAt = expiresAt.toEpochMilli();
    }

    boolean acceptTokenValid(Instant now) {
        return acceptTokenHash != null && acceptExpiresAt != null && now.toEpochMilli() < acceptExpiresAt;
    }

    java.time.LocalDate executeOn() {
        return executeOn == null ? null : java.time.LocalDate.ofEpochDay(executeOn);
    }

    void executeOn(java.time.LocalDate day) {
        this.executeOn = day == null ? null : day.toEpochDay();
    }

    String type() {
        return type;
    }

    String accountId() {
        return accountId;
    }

    String submittedBy() {
        return submittedBy;
    }

    FormStatus status() {
        return status;
    }

    String payload() {
        return payload;
    }

    void payload(String payload) {
        this.payload = payload;
    }

    String assignee() {
        return assignee;
    }

    void assignee(String assignee) {
        this.assignee = assignee;
    }

    List<String> approvals() {
        return approvals.isEmpty() ? List.of() : Arrays.asList(approvals.split(","));
    }

    /** How an approver is stored (the list is comma-separated). */
    static String approver(String actor) {
        return actor.replace(",", " ");
    }

    void approvedBy(String actor) {
        List<String> all = new ArrayList<>(approvals());
        all.add(approver(actor));
        this.approvals = String.join(",", all);
    }

    void clearApprovals() {
        this.approvals = "";
    }

    String error() {
        return error;
    }

    Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    Instant updatedAt() {
        return Instant.ofEpochMilli(updatedAt);
    }

    /** Moves to {@code next}; a final state also records the decision time. */
    void status(FormStatus next, String error, Instant now) {
        this.status = next;
        this.error = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        this.updatedAt = now.toEpochMilli();
        if (!next.open() && next != FormStatus.APPROVED) {
            this.decidedAt = now.toEpochMilli();
        }
    }
}
