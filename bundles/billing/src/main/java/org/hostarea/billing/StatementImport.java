package org.hostarea.billing;

import java.util.List;

/**
 * The result of importing one bank statement.
 *
 * @param credits credit lines read; {@code skipped}: debit or not yet booked lines, ignored
 * @param duplicates lines imported before (nothing recorded again)
 * @param entries the lines new in this import, with what became of each
 */
public record StatementImport(String statementId, int credits, int skipped, int duplicates, List<BankEntry> entries) {

    public StatementImport {
        entries = List.copyOf(entries);
    }
}
