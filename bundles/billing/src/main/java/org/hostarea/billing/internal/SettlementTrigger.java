package org.hostarea.billing.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * "Invoices of this account may have been paid": asks {@link SettlementJob} to settle them soon, off the caller's
 * thread and after its transaction. The job is looked up when it runs, not referenced: settlement needs packages,
 * packages call billing (plan-change charges, listeners), and billing's payment services call this, so a static
 * reference would close that circle while the bundles start.
 */
@Component(service = SettlementTrigger.class)
public class SettlementTrigger {

    private final BundleContext context;
    private final ExecutorService executor;

    @Activate
    public SettlementTrigger(BundleContext context) {
        this.context = context;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hostarea-billing-settlement");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    /** Settles the account's paid invoices ({@code null}: everyone's) soon; the reconciliation tick catches what this misses. */
    void paid(String accountId) {
        try {
            executor.execute(() -> {
                ServiceReference<SettlementJob> reference = context.getServiceReference(SettlementJob.class);
                SettlementJob job = reference == null ? null : context.getService(reference);
                if (job == null) {
                    return; // billing is stopping or starting: the next reconciliation tick settles it
                }
                try {
                    job.settleNow(accountId);
                } finally {
                    context.ungetService(reference);
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping: the next start's reconciliation tick settles it
        }
    }
}
