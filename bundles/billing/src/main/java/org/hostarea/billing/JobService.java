package org.hostarea.billing;

import java.time.LocalDate;
import java.util.List;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The billing jobs (renewal invoices, domain reminders, overdue handling, settlement of paid renewals,
 * reconciliation, purge) and {@code daily}, which runs them all in that order. A database lease lets one node
 * run a job at a time; every run is recorded with its counts and errors.
 */
@ProviderType
public interface JobService {

    String DAILY = "daily";

    List<JobInfo> jobs();

    /**
     * Runs a job now, for {@code asOf} (null: today in the provider's zone), and answers when it ended.
     *
     * @param dryRun change and send nothing; list what would be done
     * @throws org.hostarea.core.NotFoundException ({@code job-not-found}) for an unknown name
     * @throws org.hostarea.core.ConflictException ({@code job-running}) while another run of it holds the lease
     */
    JobRun run(String name, LocalDate asOf, boolean dryRun, String actor);

    /** Runs, newest first; {@code job} optional. */
    Page<JobRun> history(String job, PageRequest page);

    /** @throws org.hostarea.core.NotFoundException ({@code job-run-not-found}) */
    JobRun get(String runId);
}
