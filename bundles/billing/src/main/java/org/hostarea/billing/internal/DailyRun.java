package org.hostarea.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.hostarea.billing.JobRun;
import org.hostarea.billing.JobService;
import org.hostarea.core.ConflictException;
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
 * Runs {@link JobService#DAILY} every day at {@code jobs.dailyTime} in the provider's zone. Every node schedules
 * it; the lease lets one of them run it, the others find it running (or, minutes later, finished: each job is
 * idempotent for a day, so a second run finds nothing left to do).
 */
@Component(immediate = true, configurationPid = BillingConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DailyRun {

    private static final Logger LOG = LoggerFactory.getLogger(DailyRun.class);

    private final ScheduledExecutorService executor;
    private final JobService jobs;
    private final Clock clock;
    private volatile ZoneId zone;
    private volatile LocalTime at;
    private ScheduledFuture<?> next;

    @Activate
    public DailyRun(@Reference JobService jobs, @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock,
            BillingConfiguration config) {
        this.jobs = jobs;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hostarea-billing-daily");
            thread.setDaemon(true);
            return thread;
        });
        configure(config);
    }

    /** A new time applies from the next run on; a run under way goes on (a restart would interrupt it). */
    @Modified
    void configure(BillingConfiguration config) {
        this.zone = ZoneId.of(config.zone());
        this.at = parse(config.jobs_dailyTime());
        if (at == null) {
            LOG.info("the daily billing run is off (jobs.dailyTime is empty)");
        }
        scheduleNext();
    }

    static LocalTime parse(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("jobs.dailyTime must be HH:mm, not " + time, e);
        }
    }

    /** The next moment the daily run is due after {@code now}. */
    static ZonedDateTime nextRun(ZonedDateTime now, LocalTime at) {
        ZonedDateTime today = now.with(at);
        return today.isAfter(now) ? today : now.plusDays(1).with(at);
    }

    /** One pending run at most: the one for the configured time. */
    private synchronized void scheduleNext() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        LocalTime time = at;
        if (time == null || executor.isShutdown()) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        long delay = Math.max(0, Duration.between(now, nextRun(now, time)).toMillis());
        next = executor.schedule(this::runOnce, delay, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            JobRun run = jobs.run(JobService.DAILY, null, false, "scheduler");
            LOG.info("daily billing run {} ended {}: {}", run.id(), run.status(), run.counts());
        } catch (ConflictException e) {
            LOG.info("the daily billing run is running on another node");
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("the daily billing run failed; it runs again tomorrow (or run hostarea:billing-run)", e);
        } finally {
            scheduleNext();
        }
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }
}
