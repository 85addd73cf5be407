package org.hostarea.packages.internal.shell;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hostarea.packages.CatalogService;
import org.hostarea.packages.Plan;

/** {@code hostarea:plan-list [-a]}: the plans of the catalog. */
@Service
@Command(scope = "hostarea", name = "plan-list", description = "Lists the plans of the catalog")
public class PlanListCommand implements Action {

    @Reference
    CatalogService catalog;

    @Option(name = "-a", aliases = "--all", description = "Also withdrawn (inactive) plans")
    boolean all;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Type");
        table.column("Name");
        table.column("Active");
        table.column("Prices");
        table.column("Upgrades to");
        table.column("Downgrades to");
        for (Plan plan : catalog.plans(!all)) {
            table.addRow().addContent(plan.code(), plan.type(), plan.names().get("en"), plan.active(),
                    plan.prices().stream().map(p -> p.cycle() + " " + p.amount().toPlainString() + " " + p.currency())
                            .collect(Collectors.joining(", ")),
                    String.join(" ", plan.upgradesTo()), String.join(" ", plan.downgradesTo()));
        }
        table.print(System.out);
        return null;
    }
}
