package org.hostarea.notifications.internal.shell;

import java.time.Clock;
import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hostarea.notifications.NotificationService;

/** {@code hostarea:messages-purge}: runs the retention purge now, for today or a given day. */
@Service
@Command(scope = "hostarea", name = "messages-purge", description = "Deletes messages older than the retention rule allows")
public class MessagesPurgeCommand implements Action {

    @Reference
    NotificationService notifications;

    @Reference
    Clock clock;

    @Option(name = "--as-of", description = "The day to apply the rule for, e.g. 2026-01-09 (default: today, UTC)")
    String asOf;

    @Override
    public Object execute() {
        LocalDate day = asOf == null ? LocalDate.now(clock) : LocalDate.parse(asOf);
        int deleted = notifications.purge(day);
        System.out.println("Purged " + deleted + " messages created before " + notifications.retentionCutoff(day));
        return null;
    }
}
