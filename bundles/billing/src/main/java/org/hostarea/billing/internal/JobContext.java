package org.hostarea.billing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a running job reports: counts by kind, the items it did (or would do), the errors of single items. A
 * job calls {@link #chunkDone()} after every committed chunk, which renews its lease (and fails the run if
 * the lease was lost, so two nodes never both go on).
 */
final class JobContext {

    static final int MAX_ITEMS = 1000;
    static final int MAX_ERRORS = 100;

    private final LocalDate asOf;
    private final boolean dryRun;
    private final Runnable heartbeat;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> items = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private int errorCount;

    JobContext(LocalDate asOf, boolean dryRun, Runnable heartbeat) {
        this.asOf = asOf;
        this.dryRun = dryRun;
        this.heartbeat = heartbeat;
    }

    LocalDate asOf() {
        return asOf;
    }

    boolean dryRun() {
        return dryRun;
    }

    /** Counts one thing done (or, in a dry run, that would be done) and lists it. */
    synchronized void did(String kind, String item) {
        counts.merge(kind, 1, Integer::sum);
        if (item != null && items.size() < MAX_ITEMS) {
            items.add((dryRun ? "would " : "") + item);
        }
    }

    synchronized void count(String kind, int howMany) {
        if (howMany > 0) {
            counts.merge(kind, howMany, Integer::sum);
        }
    }

    synchronized void error(String item, Throwable cause) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            String why = cause == null ? "" : ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            errors.add(item + why.replace('\n', ' '));
        }
    }

    void chunkDone() {
        heartbeat.run();
    }

    synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    synchronized List<String> items() {
        return List.copyOf(items);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    synchronized int errorCount() {
        return errorCount;
    }
}
