package org.hostarea.billing.internal.shell;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hostarea.billing.JobInfo;
import org.hostarea.billing.JobRun;
import org.hostarea.billing.JobService;
import org.hostarea.core.DomainException;

/** {@code hostarea:billing-run [--as-of YYYY-MM-DD] [--dry-run] [job]}: runs the billing jobs (all, by default) now. */
@Service
@Command(scope = "hostarea", name = "billing-run", description = "Runs the billing jobs (renewals, reminders, overdue, ...) for a day")
public class BillingRunCommand implements Action {

    @Reference
    JobService jobs;

    @Option(name = "--as-of", description = "The day to run for (YYYY-MM-DD); default today in the provider's zone")
    String asOf;

    @Option(name = "--dry-run", description = "Change and send nothing; list what would be done")
    boolean dryRun;

    @Option(name = "--list", description = "List the jobs and their last runs instead")
    boolean list;

    @Argument(index = 0, name = "job", description = "daily (all), renewals, domain-reminders, overdue, settlement, reconcile, purge")
    String job = JobService.DAILY;

    @Override
    public Object execute() {
        if (list) {
            for (JobInfo info : jobs.jobs()) {
                JobRun last = info.lastRun();
                System.out.println(info.name() + "  " + info.description() + (last == null ? "" : "  (last: " + last.asOf() + " "
                        + last.status() + " " + last.counts() + ")"));
            }
            return null;
        }
        LocalDate day;
        try {
            day = asOf == null ? null : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            System.err.println("--as-of must be a date (YYYY-MM-DD): " + asOf);
            return null;
        }
        try {
            JobRun run = jobs.run(job, day, dryRun, "console");
            System.out.println("Run " + run.id() + " of " + run.job() + " for " + run.asOf() + (run.dryRun() ? " (dry run)" : "") + ": "
                    + run.status() + " " + run.counts() + (run.errorCount() > 0 ? ", " + run.errorCount() + " error(s)" : ""));
            run.items().forEach(item -> System.out.println("  " + item));
            run.errors().forEach(error -> System.out.println("  ERROR " + error));
        } catch (DomainException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
