package org.hostarea.identity.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hostarea.identity.internal.IdentityRetention;

/** {@code hostarea:identity-purge}: the daily identity retention, now. */
@Service
@Command(scope = "hostarea", name = "identity-purge", description = "Deletes expired sessions and security events past their retention")
public class IdentityPurgeCommand implements Action {

    @Reference
    IdentityRetention retention;

    @Override
    public Object execute() {
        IdentityRetention.Purged purged = retention.purge();
        System.out.println("Deleted " + purged.sessions() + " expired session(s) and " + purged.securityEvents() + " security event(s)");
        return null;
    }
}
