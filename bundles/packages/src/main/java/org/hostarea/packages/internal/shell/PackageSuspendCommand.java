package org.hostarea.packages.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hostarea.core.DomainException;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.SuspendReason;

/** {@code hostarea:package-suspend <id> [-r reason] [-c comment] [-u]}: suspends (or with -u unsuspends) a package. */
@Service
@Command(scope = "hostarea", name = "package-suspend", description = "Suspends a package for a reason, or lifts a reason with -u")
public class PackageSuspendCommand implements Action {

    @Reference
    PackageService packages;

    @Argument(index = 0, name = "packageId", description = "The package id", required = true)
    String packageId;

    @Option(name = "-r", aliases = "--reason", description = "ABUSE (default), OTHER, OVERDUE or QUOTA")
    String reason;

    @Option(name = "-c", aliases = "--comment", description = "Why, for the event log")
    String comment;

    @Option(name = "-u", aliases = "--unsuspend", description = "Lift the reason instead (without -r: every reason)")
    boolean unsuspend;

    @Override
    public Object execute() {
        try {
            SuspendReason why = reason == null ? (unsuspend ? null : SuspendReason.ABUSE) : SuspendReason.valueOf(reason);
            CustomerPackage pkg = unsuspend ? packages.unsuspend(packageId, why, "console")
                    : packages.suspend(packageId, why, comment, "console");
            System.out.println("Package " + pkg.id() + " is " + pkg.status() + (pkg.suspendReasons().isEmpty() ? ""
                    : " " + pkg.suspendReasons()));
        } catch (IllegalArgumentException e) {
            System.err.println("Unknown reason " + reason + ": use ABUSE, OTHER, OVERDUE or QUOTA");
        } catch (DomainException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
