package org.hostarea.identity.internal.shell;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.hostarea.core.ValidationException;
import org.hostarea.core.access.StaffRole;
import org.hostarea.identity.StaffService;
import org.hostarea.identity.StaffUser;

/** {@code hostarea:staff-add}: the only way to create a staff user. */
@Service
@Command(scope = "hostarea", name = "staff-add", description = "Creates a staff user; asks for the password unless --password is given")
public class StaffAddCommand implements Action {

    @Reference
    StaffService staff;

    @Reference
    Session session;

    @Argument(index = 0, name = "username", description = "Login name: 3-64 of a-z 0-9 . _ -", required = true)
    String username;

    @Option(name = "-n", aliases = "--name", description = "Display name (default: the username)")
    String displayName;

    @Option(name = "-r", aliases = "--role", description = "ADMIN, SUPPORT or BILLING (default ADMIN)")
    String role = StaffRole.ADMIN.name();

    @Option(name = "-p", aliases = "--password", description = "The password (lands in the shell history: prefer the prompt)")
    String password;

    @Override
    public Object execute() throws Exception {
        StaffRole staffRole;
        try {
            staffRole = StaffRole.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role " + role + ": use ADMIN, SUPPORT or BILLING");
        }
        String secret = password != null ? password : ShellInput.newPassword(session);
        try {
            StaffUser user = staff.add(username, displayName, staffRole, secret);
            System.out.println("Created staff user " + user.username() + " (" + user.role() + ")");
            return null;
        } catch (ValidationException e) {
            throw ShellInput.explain(e);
        }
    }
}
