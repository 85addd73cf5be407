package org.hostarea.billing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Who may run a job now: one row per job, taken under its row lock. A lease ends when its run ends, when it
 * expires (its node stopped renewing it after each chunk), or when its node restarts.
 */
@Entity
@Table(name = "HA_JOB_LEASE")
public class JobLeaseEntity {

    @Id
    @Column(name = "NAME", length = 40)
    private String name;

    @Column(name = "HOLDER", length = 36)
    private String holder;

    @Column(name = "NODE", length = 120)
    private String node;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    protected JobLeaseEntity() {
    }

    JobLeaseEntity(String name) {
        this.name = name;
    }

    /** Whether another run holds it at {@code now}. */
    boolean heldAt(long now) {
        return holder != null && expiresAt > now;
    }

    String holder() {
        return holder;
    }

    String node() {
        return node;
    }

    void take(String runId, String node, long until) {
        this.holder = runId;
        this.node = node;
        this.expiresAt = until;
    }

    void extend(long until) {
        this.expiresAt = until;
    }

    void release() {
        this.holder = null;
        this.node = null;
        this.expiresAt = 0;
    }
}
