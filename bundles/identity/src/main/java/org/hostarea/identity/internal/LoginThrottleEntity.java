package org.hostarea.identity.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * Failed logins of one key ({@code account:<id>}, {@code staff:<id>} or {@code source:<address>}): how many
 * since the last quiet period, when the last one was, and until when the key is locked. Kept in the
 * database so that every node of a cluster counts the same failures. Times are epoch milliseconds.
 */
@Entity
@Table(name = "HA_LOGIN_THROTTLE")
public class LoginThrottleEntity {

    @Id
    @Column(name = "THROTTLE_KEY", length = 120)
    private String key;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    @Column(name = "LAST_FAILURE_AT", nullable = false)
    private long lastFailureAt;

    @Column(name = "LOCKED_UNTIL")
    private Long lockedUntil;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected LoginThrottleEntity() {
    }

    LoginThrottleEntity(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    int failures() {
        return failures;
    }

    long lastFailureAt() {
        return lastFailureAt;
    }

    Long lockedUntil() {
        return lockedUntil;
    }

    void failed(int failures, long at, Long lockedUntil) {
        this.failures = failures;
        this.lastFailureAt = at;
        this.lockedUntil = lockedUntil;
    }
}
