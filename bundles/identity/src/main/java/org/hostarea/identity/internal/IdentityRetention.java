package org.hostarea.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.lease.PeriodicLeases;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identity's retention: once a day (the first time half an hour after start) expired sessions are deleted, and
 * security events older than {@code securityLog.retentionDays} (400). Every node schedules it; the node holding the
 * {@code identity-purge} lease (core's {@link PeriodicLeases}) runs it, and it stays idempotent;
 * {@code hostarea:identity-purge} runs it at once.
 */
@Component(service = IdentityRetention.class, immediate = true, configurationPid = IdentityConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class IdentityRetention {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityRetention.class);

    /** What one purge deleted. */
    public record Purged(int sessions, int securityEvents) {
    }

    private final JpaTemplate jpa;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hostarea-identity-retention");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Duration idleTimeout;
    private volatile Duration keepEvents;

    @Activate
    public IdentityRetention(@Reference(target = "(osgi.unit.name=identity)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference PeriodicLeases leases, IdentityConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        configure(config);
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (!leases.acquire("identity-purge", Duration.ofHours(23))) {
                    return; // another node purges today
                }
                Purged purged = purge();
                LOG.info("identity purge: {} expired session(s), {} old security event(s)", purged.sessions(), purged.securityEvents());
            } catch (RuntimeException e) {
                LOG.warn("identity purge failed; next try in a day", e);
            }
        }, 30, 24 * 60, TimeUnit.MINUTES);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        this.idleTimeout = Duration.ofMinutes(Math.max(1, config.session_idleTimeoutMinutes()));
        this.keepEvents = Duration.ofDays(Math.max(30, config.securityLog_retentionDays()));
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    /** Deletes the sessions past their idle or absolute timeout and the security events past the retention. */
    public Purged purge() {
        long now = clock.millis();
        int sessions = jpa.txExpr(TransactionType.Required, em -> em.createQuery("delete from SessionEntity s where s.expiresAt <= :now"
                + " or s.lastSeenAt <= :idle").setParameter("now", now).setParameter("idle", now - idleTimeout.toMillis()).executeUpdate());
        int events = jpa.txExpr(TransactionType.Required, em -> em.createQuery("delete from SecurityEventEntity e where e.at < :before")
                .setParameter("before", now - keepEvents.toMillis()).executeUpdate());
        return new Purged(sessions, events);
    }
}
