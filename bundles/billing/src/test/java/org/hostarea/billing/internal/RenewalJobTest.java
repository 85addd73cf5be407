package org.hostarea.billing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hostarea.core.Money;
import org.hostarea.identity.AccountService;
import org.hostarea.packages.BillingCycle;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.PlanType;
import org.hostarea.packages.RenewalDue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The renewal job without its lease, on a real (in-memory Derby) database: two runs at once over the same due
 * packages bill each package once, through the unique (package, term) row and the one-group-at-a-time fallback,
 * and the invoice numbers stay gapless. Also the purge job's cutoff.
 */
class RenewalJobTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private static LocalJpa jpa;
    private static InvoiceServiceImpl invoices;
    private static AccountService accounts;
    private static BillingConfiguration config;

    @BeforeAll
    static void start() {
        jpa = new LocalJpa("renewals" + UUID.randomUUID().toString().substring(0, 8));
        BillingFixture fixture = new BillingFixture(jpa, CLOCK);
        accounts = fixture.accounts;
        config = fixture.config;
        invoices = fixture.invoices;
    }

    @AfterAll
    static void stop() {
        jpa.close();
    }

    /** Packages of a few accounts, all due on one day. */
    private static List<RenewalDue> due(int count, LocalDate start) {
        List<String> owners = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<RenewalDue> due = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            due.add(new RenewalDue(UUID.randomUUID().toString(), owners.get(i % owners.size()), "pkg-" + i, PlanType.HOSTING, "web",
                    BillingCycle.MONTHLY, "EUR", Money.of(new BigDecimal("10.00"), "EUR"), start, start.plusMonths(1)));
        }
        due.sort(java.util.Comparator.comparing(RenewalDue::accountId).thenComparing(RenewalDue::packageId));
        return due;
    }

    private static RenewalJob jobOver(List<RenewalDue> due) {
        PackageService packages = BillingFixture.fake(PackageService.class, (method, args) -> method.getName().equals("dueForRenewal")
                ? (args[1] == null ? due : List.of()) : null);
        return new RenewalJob(jpa, CLOCK, packages, invoices, accounts, config);
    }

    private static long count(String jpql, Object... parameters) {
        return jpa.txExpr(em -> {
            var query = em.createQuery(jpql, Long.class);
            for (int i = 0; i < parameters.length; i += 2) {
                query.setParameter((String) parameters[i], parameters[i + 1]);
            }
            return query.getSingleResult();
        });
    }

    @RepeatedTest(3)
    void twoRunsAtOnceBillEachPackageOnceWithGaplessNumbers() throws Exception {
        LocalDate start = LocalDate.of(2026, 12, 1);
        List<RenewalDue> due = due(30, start);
        List<String> ids = due.stream().map(RenewalDue::packageId).toList();
        long numbersBefore = count("select count(i) from InvoiceEntity i where i.number is not null");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<JobContext>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    JobContext context = new JobContext(LocalDate.of(2026, 11, 21), false, () -> { });
                    go.await();
                    jobOver(due).run(context);
                    return context;
                }));
            }
            go.countDown();
            int invoiced = 0;
            int skipped = 0;
            for (Future<JobContext> run : runs) {
                JobContext context = run.get();
                assertEquals(0, context.errorCount(), context.errors().toString());
                invoiced += context.counts().getOrDefault("packages", 0);
                skipped += context.counts().getOrDefault("already-billed", 0);
            }
            assertEquals(30, invoiced, "every package billed by one of the runs");
            assertEquals(30, skipped, "and found billed by the other");
        } finally {
            pool.shutdown();
        }
        assertEquals(30, count("select count(r) from RenewalEntity r where r.packageId in :ids", "ids", ids));
        assertEquals(30, count("select count(l) from InvoiceEntity i join i.lines l where l.packageId in :ids", "ids", ids));
        assertEquals(3, count("select count(distinct i.id) from InvoiceEntity i join i.lines l where l.packageId in :ids", "ids", ids),
                "one invoice per account");
        List<Long> numbers = jpa.txExpr(em -> em.createQuery("select i.number from InvoiceEntity i where i.number is not null", String.class)
                .getResultList().stream().map(n -> Long.parseLong(n.substring(n.lastIndexOf('-') + 1))).sorted().toList());
        assertEquals(numbersBefore + 3, numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(i + 1, numbers.get(i), "numbers " + numbers);
        }

        // a third run finds everything billed
        JobContext again = new JobContext(LocalDate.of(2026, 11, 22), false, () -> { });
        jobOver(due).run(again);
        assertEquals(30, again.counts().get("already-billed"));
        assertTrue(!again.counts().containsKey("invoices"));
    }

    @Test
    void aDryRunListsTheInvoicesAndWritesNothing() {
        List<RenewalDue> due = due(4, LocalDate.of(2026, 12, 5));
        JobContext dry = new JobContext(LocalDate.of(2026, 11, 25), true, () -> { });
        jobOver(due).run(dry);
        assertEquals(3, dry.counts().get("invoices"));
        assertTrue(dry.items().get(0).startsWith("would invoice "), dry.items().toString());
        assertEquals(0, count("select count(r) from RenewalEntity r where r.packageId in :ids", "ids",
                due.stream().map(RenewalDue::packageId).toList()));
    }

    @Test
    void thePurgeForgetsIdempotencyKeysOlderThanTheRetention() {
        String account = UUID.randomUUID().toString();
        long old = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
        long recent = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();
        jpa.tx(em -> {
            em.persist(new IdempotencyEntity(UUID.randomUUID().toString(), account, "old", "hash", old));
            em.persist(new IdempotencyEntity(UUID.randomUUID().toString(), account, "recent", "hash", recent));
        });
        PurgeJob purge = new PurgeJob(jpa, config);
        JobContext dry = new JobContext(LocalDate.of(2026, 11, 22), true, () -> { });
        purge.run(dry);
        assertEquals(2, count("select count(i) from IdempotencyEntity i where i.accountId = :a", "a", account));
        JobContext real = new JobContext(LocalDate.of(2026, 11, 22), false, () -> { });
        purge.run(real);
        assertEquals(1, count("select count(i) from IdempotencyEntity i where i.accountId = :a", "a", account));
        assertTrue(real.counts().get("idempotency-keys") >= 1);
    }
}
