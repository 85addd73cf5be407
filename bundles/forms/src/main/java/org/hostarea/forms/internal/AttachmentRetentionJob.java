package org.hostarea.forms.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hostarea.forms.FormService;
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
 * Deletes the documents of requests decided more than {@code attachments.retentionDays} ago, every six hours (the
 * first time ten minutes after start), and every quarter of an hour carries out the approved requests whose day has
 * come (a change of contract holder on its effective date). Of several nodes, the one holding each work's lease (core's
 * {@link PeriodicLeases}) runs it; both stay idempotent (an execution locks its request).
 */
@Component(immediate = true, configurationPid = FormsConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AttachmentRetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentRetentionJob.class);

    private final ScheduledExecutorService executor;

    @Activate
    public AttachmentRetentionJob(@Reference FormService forms, @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock,
            @Reference PeriodicLeases leases, FormsConfiguration config) {
        ZoneId zone = ZoneId.of(config.zone());
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hostarea-forms-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (!leases.acquire("forms-attachment-purge", Duration.ofHours(6))) {
                    return; // another node purges this time
                }
                int deleted = forms.purgeAttachments(LocalDate.now(clock.withZone(zone)));
                if (deleted > 0) {
                    LOG.info("deleted {} attachment(s) of requests decided long ago", deleted);
                }
            } catch (RuntimeException e) {
                LOG.warn("attachment retention failed; next try in six hours", e);
            }
        }, 10, 6 * 60, TimeUnit.MINUTES);
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (!leases.acquire("forms-due-requests", Duration.ofMinutes(15))) {
                    return; // another node carries them out this time
                }
                int executed = forms.executeDue(LocalDate.now(clock.withZone(zone)));
                if (executed > 0) {
                    LOG.info("carried out {} request(s) whose day came", executed);
                }
            } catch (RuntimeException e) {
                LOG.warn("carrying out due requests failed; next try in 15 minutes", e);
            }
        }, 1, 15, TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }
}
