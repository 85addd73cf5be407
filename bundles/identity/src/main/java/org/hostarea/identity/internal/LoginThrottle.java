package org.hostarea.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;


import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brute-force protection, per account and per source address (Keycloak-like): the first failures are
 * free; after them each attempt must wait a time that doubles with every failure (capped); at a
 * threshold the key is locked for a while; failures are forgotten after a quiet period. A blocked
 * attempt is answered like a wrong password, after the same hashing work. Counters live in the database.
 */
@Component(service = LoginThrottle.class, configurationPid = IdentityConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    static final String SOURCE = "source:";

    private final JpaTemplate jpa;
    private final Clock clock;
    private volatile Rules rules;

    /** The throttle settings, in one immutable piece. */
    record Rules(int freeFailures, int sourceFreeFailures, Duration increment, Duration maxWait, int lockoutFailures,
            int sourceLockoutFailures, Duration lockout, Duration quiet) {

        /**
         * How long after the last failure the next attempt of a key must wait, given its failures so far:
         * nothing before the free failures are used up, then the increment, doubling with each failure.
         */
        Duration wait(String key, int failures) {
            int free = key.startsWith(SOURCE) ? sourceFreeFailures : freeFailures;
            if (failures < free || failures == 0) {
                return Duration.ZERO;
            }
            Duration wait = increment.multipliedBy(1L << Math.min(failures - free, 20));
            return wait.compareTo(maxWait) > 0 ? maxWait : wait;
        }

        int lockoutAt(String key) {
            return key.startsWith(SOURCE) ? sourceLockoutFailures : lockoutFailures;
        }
    }

    @Activate
    public LoginThrottle(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, IdentityConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration c) {
        this.rules = new Rules(c.bruteforce_freeFailures(), c.bruteforce_sourceFreeFailures(),
                Duration.ofSeconds(c.bruteforce_waitIncrementSeconds()),
                Duration.ofSeconds(c.bruteforce_maxWaitSeconds()), c.bruteforce_lockoutFailures(),
                c.bruteforce_sourceLockoutFailures(), Duration.ofMinutes(c.bruteforce_lockoutMinutes()),
                Duration.ofMinutes(c.bruteforce_quietMinutes()));
    }

    /** Whether any of the keys must not try now (locked, or still inside its wait). */
    boolean blocked(List<String> keys) {
        Instant now = clock.instant();
        Rules r = rules;
        return jpa.txExpr(TransactionType.Supports, em -> keys.stream().map(key -> em.find(LoginThrottleEntity.class, key))
                .anyMatch(t -> t != null && blocked(t, now.toEpochMilli(), r)));
    }

    static boolean blocked(LoginThrottleEntity t, long now, Rules r) {
        return blocked(t.key(), t.failures(), t.lastFailureAt(), t.lockedUntil(), now, r);
    }

    /** The rule itself, on plain values: locked, or still inside the wait after the last failure. */
    static boolean blocked(String key, int failures, long lastFailureAt, Long lockedUntil, long now, Rules r) {
        if (lockedUntil != null && now < lockedUntil) {
            return true;
        }
        Duration wait = r.wait(key, failures);
        if (wait.isZero() || now - lastFailureAt >= r.quiet().toMillis()) {
            return false;
        }
        return now < lastFailureAt + wait.toMillis();
    }

    /**
     * Counts a failure for each key.
     *
     * @return the keys that became locked by this failure (their owners are to be told)
     */
    List<String> failed(List<String> keys) {
        Instant now = clock.instant();
        Rules r = rules;
        return keys.stream().filter(key -> failed(key, now.toEpochMilli(), r)).toList();
    }

    private boolean failed(String key, long now, Rules r) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return jpa.txExpr(TransactionType.RequiresNew, em -> {
                    LoginThrottleEntity t = em.find(LoginThrottleEntity.class, key);
                    if (t == null) {
                        t = new LoginThrottleEntity(key);
                        em.persist(t);
                    }
                    boolean wasLocked = t.lockedUntil() != null && now < t.lockedUntil();
                    int failures = now - t.lastFailureAt() >= r.quiet().toMillis() ? 1 : t.failures() + 1;
                    boolean lock = !wasLocked && failures >= r.lockoutAt(key);
                    Long lockedUntil = lock ? Long.valueOf(now + r.lockout().toMillis()) : (wasLocked ? t.lockedUntil() : null);
                    t.failed(lock ? 0 : failures, now, lockedUntil);
                    em.flush(); // a parallel failure's version or insert conflict shows here, inside the retry
                    return lock;
                });
            } catch (RuntimeException e) {
                LOG.debug("login failure of {} not counted on attempt {}: {}", key, attempt, e.toString());
            }
        }
        LOG.warn("login failure of {} could not be counted", key);
        return false;
    }

    /** A successful login forgets the failures of the key. */
    void succeeded(String key) {
        jpa.tx(TransactionType.Required, em -> em.createQuery("delete from LoginThrottleEntity t where t.key = :k")
                .setParameter("k", key).executeUpdate());
    }

    /** Staff lift a lockout (and forget the failures). */
    void unlock(String key) {
        succeeded(key);
    }
}
