package org.hostarea.billing;

import java.math.BigDecimal;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The credit ledger: append-only entries per account and currency. Every movement locks the account's
 * ledger in that currency first, so the balance never goes below zero, also under concurrent requests.
 */
@ProviderType
public interface CreditService {

    /** Every currency the account has credit entries in. */
    List<CreditBalance> balances(String accountId);

    /**
     * Staff add credit (goodwill, corrections).
     *
     * @throws org.hostarea.core.ValidationException for a non-positive amount, bad currency or decimals
     */
    CreditEntry add(String accountId, String currency, BigDecimal amount, String note, String actor);

    /**
     * Pays (part of) an UNPAID invoice from the account's credit in its currency: {@code amount} (default: as
     * much as both the balance and the amount due allow). PAID when nothing is left due.
     *
     * @param idempotencyKey optional: a repeat with the same key answers the first entry and moves nothing
     * @throws org.hostarea.core.RuleViolationException ({@code credit-insufficient}, {@code amount-exceeds-due},
     *     {@code invoice-not-payable})
     */
    CreditEntry applyToInvoice(String accountId, String invoiceId, BigDecimal amount, String idempotencyKey, String actor);
}
