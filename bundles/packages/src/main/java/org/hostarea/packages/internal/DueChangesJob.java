package org.hostarea.packages.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hostarea.packages.PackageService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies scheduled downgrades and end-of-term cancellations that fell due, every
 * {@code job.intervalMinutes} (first run a minute after start). Safe on several nodes at once: each change
 * re-checks its package under the row lock, so it applies once. {@code hostarea:packages-run --as-of}
 * runs it for a given day.
 */
@Component(immediate = true, configurationPid = PackagesConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class DueChangesJob {

    private static final Logger LOG = LoggerFactory.getLogger(DueChangesJob.class);

    private final ScheduledExecutorService executor;

    @Activate
    public DueChangesJob(@Reference PackageService packages, PackagesConfiguration config) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hostarea-packages-due");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, config.job_intervalMinutes());
        executor.scheduleWithFixedDelay(() -> {
            try {
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
