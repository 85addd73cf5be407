package org.hostarea.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A payment the customer asks for: one or more invoices of one currency, each for its amount due or the
 * amount given (partial; more than due becomes credit).
 *
 * @param options passed to the gateway as they are (e.g. a stored payment method)
 */
public record PaymentInput(String gateway, List<InvoicePart> invoices, Map<String, String> options) {

    /** One invoice of a payment; {@code amount} default: what is due. */
    public record InvoicePart(String invoiceId, BigDecimal amount) {
    }
}
