package org.hostarea.billing.internal;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/** Asks the gateways about payments left UNKNOWN, or PENDING for longer than {@code payments.reconcileAfterSeconds}. */
@Component(service = ReconcileJob.class, configurationPid = BillingConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ReconcileJob implements BillingJob {

    private final PaymentServiceImpl payments;
    private volatile Duration age;

    @Activate
    public ReconcileJob(@Reference PaymentServiceImpl payments, BillingConfiguration config) {
        this.payments = payments;
        configure(config);
    }

    /** A configuration change takes effect at the next run, without restarting the component (and the routes on it). */
    @Modified
    void configure(BillingConfiguration config) {
        this.age = Duration.ofSeconds(Math.max(0, config.payments_reconcileAfterSeconds()));
    }

    @Override
    public String name() {
        return "reconcile";
    }

    @Override
    public String description() {
        return "Asks the gateways about UNKNOWN payments and PENDING ones older than " + age.toSeconds() + " s.";
    }

    @Override
    public void run(JobContext context) {
        if (context.dryRun()) {
            payments.reconcileCandidates(age).forEach(p -> context.did("queried", "ask " + p.gateway() + " about payment " + p.id()
                    + " (" + p.status() + ", " + p.amount() + ")"));
            return;
        }
        context.count("settled", payments.reconcile(age));
    }
}
