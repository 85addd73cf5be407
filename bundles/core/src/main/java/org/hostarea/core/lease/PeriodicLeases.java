package org.hostarea.core.lease;

import java.time.Duration;

/**
 * Which node does a periodic piece of work. Every node schedules the same work (a purge, a reconciliation, carrying
 * out what is due); before each run it asks here, and only the node that holds the work's lease runs it. The lease
 * lasts one period: the holder keeps it by asking again at its next run, and when the holder is gone (stopped, killed)
 * another node takes the work over once the lease has expired. The work must stay idempotent: a lease is a promise
 * of one node at a time, and clocks of nodes differ by what NTP allows.
 */
public interface PeriodicLeases {

    /**
     * Takes or keeps the lease on {@code work} for {@code period}; false while another node holds it (then skip this
     * run). A database error answers false too (logged): skipping one run is safe, running twice at once is not wanted.
     */
    boolean acquire(String work, Duration period);

    /** This node's name in the leases it holds. */
    String node();
}
