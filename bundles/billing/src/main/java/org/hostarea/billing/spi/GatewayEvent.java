package org.hostarea.billing.spi;

/**
 * A provider notification the gateway has verified.
 *
 * @param eventId the provider's id of the notification: billing records each once
 * @param paymentId billing's payment id the notification is about
 */
public record GatewayEvent(String eventId, String paymentId, PaymentResult result) {
}
