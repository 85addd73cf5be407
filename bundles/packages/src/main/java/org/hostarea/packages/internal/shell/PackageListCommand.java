package org.hostarea.packages.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hostarea.core.DomainException;
import org.hostarea.core.PageRequest;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.Domain;
import org.hostarea.packages.PackageService;

/** {@code hostarea:package-list <customer>}: the packages of a customer number (or account id). */
@Service
@Command(scope = "hostarea", name = "package-list", description = "Lists the packages of a customer")
public class PackageListCommand implements Action {

    @Reference
    AccountService accounts;

    @Reference
    PackageService packages;

    @Argument(index = 0, name = "customer", description = "Customer number or account id", required = true)
    String customer;

    @Override
    public Object execute() {
        Account account;
        try {
            account = customer.matches("[0-9]{8}") ? accounts.byCustomerNumber(customer) : accounts.get(customer);
        } catch (DomainException e) {
            System.err.println("No such customer: " + customer);
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Label");
        table.column("Plan");
        table.column("Status");
        table.column("Next due");
        table.column("Domains");
        for (CustomerPackage pkg : packages.packages(account.id(), null, new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
            table.addRow().addContent(pkg.id(), pkg.label(), pkg.planCode(), pkg.status() + (pkg.suspendReasons().isEmpty() ? ""
                    : " " + pkg.suspendReasons()), pkg.nextDueDate(), String.join(" ", pkg.domains().stream().map(Domain::displayName).toList()));
        }
        table.print(System.out);
        return null;
    }
}
