package org.hostarea.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.hostarea.core.schema.MigrationScript;
import org.hostarea.core.schema.SchemaMigrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The periodic-work leases on core's own migrated table: one node at a time, taken over once expired. */
class JdbcPeriodicLeasesTest {

    private static final Duration PERIOD = Duration.ofMinutes(15);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-23T10:00:00Z"));
    private EmbeddedDataSource dataSource;

    @BeforeEach
    void freshDatabase() throws IOException {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:leases-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        String script;
        try (InputStream in = getClass().getResourceAsStream("/db/core/derby/V1__leases.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SchemaMigrations.migrate(dataSource, "core", database -> List.of(new MigrationScript("V1__leases.sql", script)));
    }

    @Test
    void oneNodeHoldsTheWorkUntilItsLeaseExpiresThenAnotherTakesItOver() {
        JdbcPeriodicLeases a = new JdbcPeriodicLeases(dataSource, clock, "a");
        JdbcPeriodicLeases b = new JdbcPeriodicLeases(dataSource, clock, "b");

        assertTrue(a.acquire("identity-purge", PERIOD), "the first node takes the free work");
        assertFalse(b.acquire("identity-purge", PERIOD), "the other node skips while the lease holds");
        assertTrue(b.acquire("forms-due", PERIOD), "leases are per kind of work");

        clock.advance(PERIOD.minusSeconds(1));
        assertTrue(a.acquire("identity-purge", PERIOD), "the holder keeps its work by asking again");
        clock.advance(PERIOD.minusSeconds(1));
        assertFalse(b.acquire("identity-purge", PERIOD), "the renewed lease still holds");

        clock.advance(Duration.ofSeconds(2)); // the holder did not come back: it is gone
        assertTrue(b.acquire("identity-purge", PERIOD), "after the lease expired another node takes the work over");
        assertFalse(a.acquire("identity-purge", PERIOD), "and the first one, back, waits its turn");
    }

    @Test
    void ofManyNodesAskingAtOnceForFreeWorkExactlyOneGetsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String work = "work-" + round;
                List<Callable<Boolean>> nodes = new java.util.ArrayList<>();
                for (int n = 0; n < 8; n++) {
                    JdbcPeriodicLeases node = new JdbcPeriodicLeases(dataSource, clock, "node-" + n);
                    nodes.add(() -> node.acquire(work, PERIOD));
                }
                long winners = 0;
                for (Future<Boolean> answer : pool.invokeAll(nodes)) {
                    winners += answer.get() ? 1 : 0;
                }
                assertEquals(1, winners, work);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
