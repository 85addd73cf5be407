package org.hostarea.billing;

import java.util.List;

/**
 * An invoice as staff create it (a DRAFT until issued).
 *
 * @param series optional: the numbering series (upper-case letters, e.g. {@code R}); default none
 * @param dueDays days from issue to due date; default from configuration
 */
public record NewInvoice(String accountId, String currency, String series, List<InvoiceLineInput> lines, Integer dueDays) {
}
