package org.hostarea.billing.internal.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hostarea.billing.BankEntry;
import org.hostarea.billing.BankStatementService;
import org.hostarea.billing.StatementImport;
import org.hostarea.core.DomainException;

/** {@code hostarea:bank-statement-import <file>}: imports a camt.053 statement as the staff route does. */
@Service
@Command(scope = "hostarea", name = "bank-statement-import", description = "Imports an ISO 20022 camt.053 bank statement")
public class BankStatementImportCommand implements Action {

    private static final long MAX_BYTES = 5L * 1024 * 1024;

    @Reference
    BankStatementService statements;

    @Argument(index = 0, name = "file", description = "The camt.053 XML file", required = true)
    String file;

    @Override
    public Object execute() {
        Path path = Path.of(file);
        try {
            if (Files.size(path) > MAX_BYTES) {
                System.err.println("The statement is larger than 5 MiB: " + file);
                return null;
            }
            StatementImport result = statements.importStatement(Files.readAllBytes(path), "console");
            System.out.println("Statement " + result.statementId() + ": " + result.credits() + " credit line(s), " + result.duplicates()
                    + " seen before, " + result.skipped() + " skipped");
            for (BankEntry entry : result.entries()) {
                System.out.println("  " + entry.status() + "  " + entry.amount() + "  " + entry.reference()
                        + (entry.note() == null ? "" : "  (" + entry.note() + ")"));
            }
        } catch (IOException e) {
            System.err.println("Cannot read " + file + ": " + e.getMessage());
        } catch (DomainException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
