package org.hostarea.billing;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Invoices. Customer-side methods take the account the authorization service granted; another account's
 * invoice is 404 ({@code invoice-not-found}), and so is a DRAFT (customers never see drafts).
 */
@ProviderType
public interface InvoiceService {

    Page<Invoice> invoices(String accountId, InvoiceStatus status, PageRequest page);

    Invoice get(String accountId, String invoiceId);

    /** The PDF in the account's language. */
    byte[] pdf(String accountId, String invoiceId);

    /**
     * "Add funds": issues an ADD_FUNDS invoice for the amount; paying it (through a gateway or an offline report)
     * adds the amount to the credit. It cannot be paid from credit.
     *
     * @throws org.hostarea.core.ValidationException for a bad currency or amount
     */
    Invoice addFunds(String accountId, String currency, java.math.BigDecimal amount, String actor);

    // --- staff ---

    /**
     * @throws org.hostarea.core.ValidationException for a bad field (every one named), an unknown account
     */
    Invoice create(NewInvoice invoice, String actor);

    /** {@code accountId}, {@code status}: optional filters. */
    Page<Invoice> search(String accountId, InvoiceStatus status, PageRequest page);

    Invoice get(String invoiceId);

    /**
     * DRAFT → UNPAID: takes the next number of its series and year (gapless, also under concurrency), sets the
     * issue and due dates and mails the account's Invoices recipients, all in one transaction.
     *
     * @throws org.hostarea.core.RuleViolationException ({@code invoice-not-draft})
     */
    Invoice issue(String invoiceId, String actor);

    /**
     * UNPAID (or DRAFT) → CANCELLED; the number stays used. Whatever was paid of it (credit or a partial gateway
     * payment) goes to the account's credit.
     *
     * @throws org.hostarea.core.RuleViolationException ({@code invoice-not-cancellable}) for PAID, REFUNDED
     */
    Invoice cancel(String invoiceId, String reason, String actor);

    /**
     * PAID → REFUNDED: what credit paid goes back to the credit; what gateways paid is given back outside
     * Hostarea (the provider's console, a transfer) and recorded here; an ADD_FUNDS invoice takes its credit back.
     *
     * @throws org.hostarea.core.RuleViolationException ({@code invoice-not-refundable}; {@code credit-spent} if the
     *     funds an ADD_FUNDS invoice added are already used)
     */
    Invoice refund(String invoiceId, String reason, String actor);
}
