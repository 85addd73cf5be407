package org.hostarea.billing.internal;

/** A job of the daily billing run. Runs for {@link JobContext#asOf()}, changes nothing when it is a dry run. */
public interface BillingJob {

    String name();

    String description();

    void run(JobContext context);
}
