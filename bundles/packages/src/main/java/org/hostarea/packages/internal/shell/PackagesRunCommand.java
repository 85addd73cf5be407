package org.hostarea.packages.internal.shell;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hostarea.packages.PackageService;

/** {@code hostarea:packages-run [--as-of yyyy-mm-dd]}: applies due downgrades and cancellations now. */
@Service
@Command(scope = "hostarea", name = "packages-run", description = "Applies scheduled downgrades and cancellations due by a day")
public class PackagesRunCommand implements Action {

    @Reference
    PackageService packages;

    @Option(name = "--as-of", description = "The day (yyyy-mm-dd) to run for; default today in the provider's zone")
    String asOf;

    @Override
    public Object execute() {
        LocalDate day;
        try {
            day = asOf == null ? packages.today() : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            System.err.println("Not a date (yyyy-mm-dd): " + asOf);
            return null;
        }
        System.out.println("Applied " + packages.runDue(day) + " due change(s) as of " + day);
        return null;
    }
}
