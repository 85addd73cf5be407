package org.hostarea.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One run of a billing job.
 *
 * @param asOf the day the run acted for (today, or the day asked for)
 * @param dryRun nothing was changed or sent: {@code items} says what would have been
 * @param node the Karaf node that ran it
 * @param counts what it did, by kind (e.g. {@code invoices}, {@code reminders}, {@code skipped})
 * @param items what it did or would do, one line each (the first thousand)
 * @param errors what failed, one line each (the first hundred); the run goes on past a failing item
 */
public record JobRun(String id, String job, LocalDate asOf, boolean dryRun, String node, String actor, JobStatus status,
        Instant startedAt, Instant endedAt, Map<String, Integer> counts, int errorCount, List<String> items, List<String> errors) {

    public JobRun {
        counts = Map.copyOf(counts);
        items = List.copyOf(items);
        errors = List.copyOf(errors);
    }
}
