/**
 * Billing: invoices with gapless numbers per series and year, lines with tax, PDFs in the account's
 * language, and the credit ledger (append-only, never negative).
 */
@Export
@Version("1.1.0")
package org.hostarea.billing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
