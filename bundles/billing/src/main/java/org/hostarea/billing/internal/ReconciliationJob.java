package org.hostarea.billing.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hostarea.core.lease.PeriodicLeases;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The janitor: every {@code payments.reconcileSeconds} asks the gateways about payments in UNKNOWN and
 * PENDING ones older than {@code payments.reconcileAfterSeconds}, then settles what was paid (renewals, overdue
 * suspensions) in case the run right after a payment was lost. Of several nodes, the one holding the
 * {@code payments-reconciliation} lease (core's {@link PeriodicLeases}) runs it; an outcome is still applied under the
 * payment's row lock and only to a payment that is still open. {@code hostarea:payments-reconcile} runs it at once.
 */
@Component(immediate = true, configurationPid = BillingConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);

    private final ScheduledExecutorService executor;

    @Activate
    public ReconciliationJob(@Reference PaymentServiceImpl payments, @Reference SettlementJob settlement, @Reference PeriodicLeases leases,
            BillingConfiguration config) {
        Duration age = Duration.ofSeconds(Math.max(0, config.payments_reconcileAfterSeconds()));
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hostarea-payments-reconcile");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(5, config.payments_reconcileSeconds());
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (!leases.acquire("payments-reconciliation", Duration.ofSeconds(interval))) {
                    return; // another node reconciles this time
                }
                int changed = payments.reconcile(age);
                JobContext settled = new JobContext(null, false, () -> { });
                settlement.settle(null, settled);
                if (settled.errorCount() > 0) {
                    LOG.warn("settling paid invoices: {} error(s), first: {}", settled.errorCount(), settled.errors().get(0));
                }
                if (changed > 0) {
                    LOG.info("reconciliation settled {} payment(s)", changed);
                }
            } catch (RuntimeException | LinkageError e) {
                // never let the schedule die: a failed run is retried at the next tick
                LOG.warn("reconciliation failed; next try in {} s", interval, e);
            }
        }, interval, interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }
}
