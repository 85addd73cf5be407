package org.hostarea.identity.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hostarea.core.ValidationException;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.NewAccount;

/** {@code hostarea:customer-add}: opens a customer account from the console, like the staff REST route. */
@Service
@Command(scope = "hostarea", name = "customer-add", description = "Opens a customer account and prints its customer number")
public class CustomerAddCommand implements Action {

    @Reference
    AccountService accounts;

    @Argument(index = 0, name = "ownerName", description = "Holder name or company", required = true)
    String ownerName;

    @Argument(index = 1, name = "email", description = "Owner email (also a login)", required = true)
    String email;

    @Option(name = "-l", aliases = "--language", description = "en, es or de (default en)")
    String language;

    @Option(name = "-p", aliases = "--password", description = "Initial password; without it the customer sets the first one by password reset")
    String password;

    @Override
    public Object execute() {
        try {
            Account account = accounts.create(new NewAccount(ownerName, email, language, password));
            System.out.println("Created customer " + account.customerNumber() + " (id " + account.id() + ")");
            return null;
        } catch (ValidationException e) {
            throw ShellInput.explain(e);
        }
    }
}
