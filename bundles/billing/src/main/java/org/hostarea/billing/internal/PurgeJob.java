package org.hostarea.billing.internal;

import java.time.ZoneId;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.core.jpa.Reads;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Forgets remembered Idempotency-Key answers older than {@code idempotency.retentionDays} (a repeat after that is
 * a new request). Payments, ledger entries and notices are records and stay.
 */
@Component(service = PurgeJob.class, configurationPid = BillingConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PurgeJob implements BillingJob {

    private final JpaTemplate jpa;
    private volatile BillingConfiguration config;

    @Activate
    public PurgeJob(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa, BillingConfiguration config) {
        this.jpa = jpa;
        this.config = config;
    }

    /** A configuration change takes effect at the next run, without restarting the component (and the routes on it). */
    @Modified
    void configure(BillingConfiguration config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "purge";
    }

    @Override
    public String description() {
        return "Forgets Idempotency-Key answers older than " + config.idempotency_retentionDays() + " days.";
    }

    @Override
    public void run(JobContext context) {
        long before = context.asOf().minusDays(Math.max(1, config.idempotency_retentionDays())).atStartOfDay(ZoneId.of(config.zone()))
                .toInstant().toEpochMilli();
        if (context.dryRun()) {
            long count = Reads.read(jpa, em -> em.createQuery("select count(i) from IdempotencyEntity i where i.createdAt < :before",
                    Long.class).setParameter("before", before).getSingleResult());
            context.did("idempotency-keys", "forget " + count + " idempotency key(s)");
            return;
        }
        int deleted = jpa.txExpr(TransactionType.Required, em -> em.createQuery("delete from IdempotencyEntity i where i.createdAt < :before")
                .setParameter("before", before).executeUpdate());
        context.count("idempotency-keys", deleted);
    }
}
