package org.hostarea.notifications.internal.shell;

import java.util.Locale;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.notifications.Message;
import org.hostarea.notifications.MessageStatus;
import org.hostarea.notifications.NotificationService;

/** {@code hostarea:messages-list}: the newest messages of the outbox, optionally of one status. */
@Service
@Command(scope = "hostarea", name = "messages-list", description = "Lists the newest messages of the outbox")
public class MessagesListCommand implements Action {

    @Reference
    NotificationService notifications;

    @Option(name = "-s", aliases = "--status", description = "QUEUED, SENT or FAILED")
    String status;

    @Option(name = "-n", aliases = "--count", description = "How many (default 20, at most 100)")
    int count = 20;

    @Override
    public Object execute() {
        Optional<MessageStatus> filter = status == null ? Optional.empty()
                : Optional.of(MessageStatus.valueOf(status.toUpperCase(Locale.ROOT)));
        Page<Message> page = notifications.messages(filter, new PageRequest(0, count));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Created");
        table.column("Status");
        table.column("Channel");
        table.column("Template");
        table.column("Attempts");
        table.column("Recipients");
        table.column("Last error");
        for (Message m : page.items()) {
            table.addRow().addContent(m.id(), m.createdAt(), m.status(), m.channel(), m.templateKey(), m.attempts(),
                    String.join(", ", m.recipients()), m.lastError() == null ? "" : m.lastError());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total());
        return null;
    }
}
