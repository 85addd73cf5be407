package org.hostarea.billing;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * ISO 20022 camt.053 bank statements: each booked credit line is matched to invoices by the invoice numbers in
 * its reference and by its amount; a match records the payment (completing the customer's PENDING bank transfer
 * if there is one) exactly once, also when the same statement is imported again.
 */
@ProviderType
public interface BankStatementService {

    /**
     * @throws org.hostarea.core.ValidationException ({@code statement-invalid}) for anything but a camt.053 document
     *     within the size limit (no DTDs, no external entities)
     */
    StatementImport importStatement(byte[] xml, String actor);

    /** Imported lines, newest first; {@code status} optional (UNMATCHED and AMBIGUOUS are staff's to-do list). */
    Page<BankEntry> entries(BankEntryStatus status, PageRequest page);
}
