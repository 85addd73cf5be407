package org.hostarea.packages.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hostarea.packages.PackageService;
import org.hostarea.core.lease.PeriodicLeases;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies scheduled downgrades and end-of-term cancellations that fell due, every
 * {@code job.intervalMinutes} (first run a minute after start), on the one node of several that holds the
 * {@code packages-due-changes} lease (core's {@link PeriodicLeases}); each change still re-checks its package under
 * the row lock, so it applies once even if two runs met. {@code hostarea:packages-run --as-of}
 * runs it for a given day.
 */
@Component(immediate = true, configurationPid = PackagesConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DueChangesJob {

    private static final Logger LOG = LoggerFactory.getLogger(DueChangesJob.class);

    private final ScheduledExecutorService executor;

    @Activate
    public DueChangesJob(@Reference PackageService packages, @Reference PeriodicLeases leases, PackagesConfiguration config) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hostarea-packages-due");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, config.job_intervalMinutes());
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (!leases.acquire("packages-due-changes", Duration.ofMinutes(interval))) {
                    return; // another node applies them this time
                }
                int applied = packages.runDue(packages.today());
                if (applied > 0) {
                    LOG.info("applied {} due package change(s)", applied);
                }
            } catch (RuntimeException e) {
                LOG.warn("due package changes failed; next try in {} minutes", interval, e);
            }
        }, 1, interval, TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }
}
