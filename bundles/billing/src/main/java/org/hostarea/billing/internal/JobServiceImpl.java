package org.hostarea.billing.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hostarea.billing.JobInfo;
import org.hostarea.billing.JobRun;
import org.hostarea.billing.JobService;
import org.hostarea.billing.JobStatus;
import org.hostarea.core.ConflictException;
import org.hostarea.core.NotFoundException;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.RuleViolationException;
import org.hostarea.core.jpa.PagedQuery;
import org.hostarea.core.jpa.Reads;
import org.hostarea.core.jpa.Writes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the billing jobs under a database lease (one row per job, taken under its row lock), so one node runs
 * a job at a time however many share the database; records each run. A node that starts frees the leases and
 * closes the runs it held before it went down (after kill -9 they would otherwise wait for the lease to expire).
 */
@Component(service = {JobService.class, JobServiceImpl.class}, configurationPid = BillingConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class JobServiceImpl implements JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobServiceImpl.class);

    private final JpaTemplate jpa;
    private final Clock clock;
    private volatile ZoneId zone;
    private volatile long leaseMillis;
    private final String node;
    private final Map<String, BillingJob> jobs = new LinkedHashMap<>();

    @Activate
    public JobServiceImpl(@Reference(target = "(osgi.unit.name=billing)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference ReconcileJob reconcile,
            @Reference SettlementJob settlement, @Reference RenewalJob renewals, @Reference DomainReminderJob domains,
            @Reference OverdueJob overdue, @Reference PurgeJob purge, BillingConfiguration config) {
        this.jpa = jpa;
        this.clock = clock;
        configure(config);
        this.node = config.jobs_nodeName().isBlank() ? defaultNode() : config.jobs_nodeName().strip();
        for (BillingJob job : List.of(reconcile, settlement, renewals, domains, overdue, purge)) {
            jobs.put(job.name(), job);
        }
        recoverAfterRestart();
    }

    /**
     * Zone and lease length change in place (the routes on this service stay registered); the node name is read
     * once, at start: a node does not change its name while it holds leases.
     */
    @Modified
    void configure(BillingConfiguration config) {
        this.zone = ZoneId.of(config.zone());
        this.leaseMillis = Math.max(30, config.jobs_leaseSeconds()) * 1000L;
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return System.getProperty("karaf.name", "karaf") + "@" + host;
    }

    String node() {
        return node;
    }

    /** What this node held when it stopped (crashed) is free again, and its unfinished runs are marked ABANDONED. */
    private void recoverAfterRestart() {
        try {
            jpa.tx(TransactionType.Required, em -> {
                em.createQuery("select l from JobLeaseEntity l where l.node = :node", JobLeaseEntity.class).setParameter("node", node)
                        .getResultStream().forEach(JobLeaseEntity::release);
                em.createQuery("select r from JobRunEntity r where r.status = :running and r.node = :node", JobRunEntity.class)
                        .setParameter("running", JobStatus.RUNNING).setParameter("node", node).getResultStream()
                        .forEach(r -> r.abandon(clock.instant()));
            });
        } catch (RuntimeException e) {
            LOG.warn("could not free the job leases of node {}: {}", node, e.toString());
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Override
    public List<JobInfo> jobs() {
        List<JobInfo> result = new ArrayList<>();
        result.add(new JobInfo(DAILY, "All of the jobs below, in this order.", lastRun(DAILY)));
        jobs.values().forEach(job -> result.add(new JobInfo(job.name(), job.description(), lastRun(job.name()))));
        return result;
    }

    private JobRun lastRun(String job) {
        return Reads.read(jpa, em -> em.createQuery("select r from JobRunEntity r where r.job = :job order by r.startedAt desc, r.id",
                JobRunEntity.class).setParameter("job", job).setMaxResults(1).getResultStream().findFirst().map(JobRunEntity::toDto)
                .orElse(null));
    }

    @Override
    public JobRun run(String name, LocalDate asOf, boolean dryRun, String actor) {
        LocalDate day = asOf == null ? today() : asOf;
        if (!dryRun && day.isAfter(today())) {
            // a real run for a day to come would remind, suspend and put domains on hold before their time
            throw new RuleViolationException("as-of-in-future", "Only a dry run can look ahead: " + day + " is after today ("
                    + today() + ").");
        }
        if (DAILY.equals(name)) {
            return runLeased(DAILY, day, dryRun, actor, context -> {
                for (BillingJob job : jobs.values()) {
                    try {
                        JobRun sub = run(job.name(), day, dryRun, actor);
                        sub.counts().forEach((kind, count) -> context.count(job.name() + "." + kind, count));
                        context.did("jobs", job.name() + ": " + sub.status() + " " + sub.counts() + " (run " + sub.id() + ")");
                        if (sub.status() != JobStatus.COMPLETED || sub.errorCount() > 0) {
                            context.error(job.name() + ": " + sub.status() + ", " + sub.errorCount() + " error(s) (run " + sub.id() + ")", null);
                        }
                    } catch (ConflictException e) {
                        context.error(job.name(), e);
                    }
                    context.chunkDone(); // the daily lease lives as long as its jobs
                }
            });
        }
        BillingJob job = jobs.get(name);
        if (job == null) {
            throw new NotFoundException("job-not-found", "There is no job " + name + ".");
        }
        return runLeased(name, day, dryRun, actor, job::run);
    }

    private JobRun runLeased(String name, LocalDate asOf, boolean dryRun, String actor, java.util.function.Consumer<JobContext> body) {
        String runId = UUID.randomUUID().toString();
        ensureLease(name);
        JobLeaseEntity seen = Reads.read(jpa, em -> em.find(JobLeaseEntity.class, name));
        if (seen.heldAt(clock.millis())) {
            throw running(name, seen); // the usual case answered without a write transaction to roll back
        }
        jpa.tx(TransactionType.Required, em -> {
            JobLeaseEntity lease = em.find(JobLeaseEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
            long now = clock.millis();
            if (lease.heldAt(now)) {
                throw running(name, lease);
            }
            lease.take(runId, node, now + leaseMillis);
            em.persist(new JobRunEntity(runId, name, asOf, dryRun, node, actor == null ? "system" : actor, clock.instant()));
        });
        JobContext context = new JobContext(asOf, dryRun, () -> heartbeat(name, runId));
        Throwable failure = null;
        try {
            body.accept(context);
        } catch (RuntimeException | Error e) {
            failure = e;
            context.error("the run stopped", e);
            LOG.warn("job {} (run {}) failed", name, runId, e);
        }
        JobStatus ended = failure == null ? JobStatus.COMPLETED : JobStatus.FAILED;
        JobRun result = jpa.txExpr(TransactionType.Required, em -> {
            JobRunEntity run = em.find(JobRunEntity.class, runId, LockModeType.PESSIMISTIC_WRITE);
            run.end(ended, context.counts(), context.errorCount(), context.items(), context.errors(), clock.instant());
            JobLeaseEntity lease = em.find(JobLeaseEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
            if (runId.equals(lease.holder())) {
                lease.release();
            }
            return run.toDto();
        });
        if (failure instanceof Error error && !(failure instanceof LinkageError)) {
            throw error; // recorded and released; an Error other than a missing class is not ours to swallow
        }
        return result;
    }

    private static ConflictException running(String name, JobLeaseEntity lease) {
        return new ConflictException("job-running", "The job " + name + " is running (run " + lease.holder() + " on " + lease.node()
                + "); try again when it has ended.");
    }

    /** Renews the lease after a chunk; a run whose lease was taken over (it had expired) stops. */
    private void heartbeat(String name, String runId) {
        jpa.tx(TransactionType.Required, em -> {
            JobLeaseEntity lease = em.find(JobLeaseEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
            if (!runId.equals(lease.holder())) {
                throw new IllegalStateException("the lease of job " + name + " was lost (it expired and another run took it)");
            }
            lease.extend(clock.millis() + leaseMillis);
        });
    }

    private void ensureLease(String name) {
        if (Reads.read(jpa, em -> em.find(JobLeaseEntity.class, name)) != null) {
            return;
        }
        try {
            jpa.tx(TransactionType.RequiresNew, em -> {
                em.persist(new JobLeaseEntity(name));
                Writes.flushUnique(em, LeaseExists::new);
            });
        } catch (LeaseExists e) {
            // another node created it first: as good as ours
        }
    }

    private static final class LeaseExists extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseExists() {
            super(null, null, false, false);
        }
    }

    @Override
    public Page<JobRun> history(String job, PageRequest page) {
        return Reads.read(jpa, em -> PagedQuery.page(em, JobRunEntity.class, null, "e.startedAt desc, e.id", page, "job", job)
                .map(JobRunEntity::toDto));
    }

    @Override
    public JobRun get(String runId) {
        JobRunEntity run = Reads.read(jpa, em -> runId == null ? null : em.find(JobRunEntity.class, runId));
        if (run == null) {
            throw new NotFoundException("job-run-not-found", "There is no such job run.");
        }
        return run.toDto();
    }

    Instant now() {
        return clock.instant();
    }
}
