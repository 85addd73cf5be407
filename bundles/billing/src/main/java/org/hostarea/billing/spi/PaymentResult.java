package org.hostarea.billing.spi;

/**
 * A gateway's answer about a payment.
 *
 * @param providerReference the provider's id of the payment, if it has one
 * @param redirectUrl for PENDING: where the customer approves the payment, if anywhere
 * @param instructions for PENDING: what the customer must do (e.g. bank transfer details), if anything
 * @param message a short human explanation (decline reason...), never secret
 */
public record PaymentResult(PaymentOutcome outcome, String providerReference, String redirectUrl, String instructions,
        String message) {

    public static PaymentResult of(PaymentOutcome outcome, String providerReference, String message) {
        return new PaymentResult(outcome, providerReference, null, null, message);
    }
}
