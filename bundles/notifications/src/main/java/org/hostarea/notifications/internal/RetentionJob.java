package org.hostarea.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hostarea.notifications.NotificationService;
import org.hostarea.core.lease.PeriodicLeases;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges the message log once a day at the configured hour in the provider's zone. The purge is
 * idempotent (it deletes what is older than the cutoff); of several nodes, the one holding the
 * {@code notifications-retention} lease (core's {@link PeriodicLeases}) runs it.
 */
@Component(immediate = true, configurationPid = NotificationsConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    /** Once a day on one node: shorter than a day, so that tomorrow's run at the same hour finds it expired. */
    private static final Duration LEASE = Duration.ofHours(23);

    private final NotificationService notifications;
    private final PeriodicLeases leases;
    private final Clock clock;
    private final ZoneId zone;
    private final int hour;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hostarea-message-retention");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public RetentionJob(@Reference NotificationService notifications, @Reference PeriodicLeases leases,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, NotificationsConfiguration config) {
        this.notifications = notifications;
        this.leases = leases;
        this.clock = clock;
        this.zone = ZoneId.of(config.retention_zone());
        this.hour = config.retention_purgeHour();
        scheduleNext();
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }

    private void scheduleNext() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        ZonedDateTime next = now.toLocalDate().atTime(hour, 0).atZone(zone);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        scheduler.schedule(this::run, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            if (!leases.acquire("notifications-retention", LEASE)) {
                return; // another node purges today
            }
            LocalDate today = LocalDate.now(clock.withZone(zone));
            int deleted = notifications.purge(today);
            LOG.info("message retention: {} messages created before {} purged", deleted, notifications.retentionCutoff(today));
        } catch (RuntimeException e) {
            LOG.error("message retention failed", e);
        } finally {
            scheduleNext();
        }
    }
}
