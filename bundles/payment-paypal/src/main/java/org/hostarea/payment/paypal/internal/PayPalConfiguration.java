package org.hostarea.payment.paypal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.hostarea.payment.paypal}. */
@ObjectClassDefinition(name = "Hostarea PayPal", description = "PayPal Checkout (Orders v2) with OAuth2 client credentials.")
public @interface PayPalConfiguration {

    String PID = "org.hostarea.payment.paypal";

    @AttributeDefinition(name = "Enabled", description = "Offer PayPal to customers (payments already started still complete).")
    boolean enabled() default true;

    @AttributeDefinition(name = "API base URL", description = "https://api-m.sandbox.paypal.com (sandbox) or https://api-m.paypal.com (live).")
    String baseUrl() default "https://api-m.sandbox.paypal.com";

    @AttributeDefinition(name = "Client id", description = "Without client id and secret the gateway is not offered.")
    String clientId() default "";

    @AttributeDefinition(name = "Client secret", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String clientSecret() default "";

    @AttributeDefinition(name = "Webhook id", description = "The id PayPal gave the webhook; needed to verify webhook events.")
    String webhookId() default "";

    @AttributeDefinition(name = "Return URL", description = "The customer-area page PayPal sends the customer back to; {paymentId} is replaced.")
    String returnUrl() default "http://localhost:8181/payments/{paymentId}/return";

    @AttributeDefinition(name = "Cancel URL", description = "Where PayPal sends a customer who cancels; {paymentId} is replaced.")
    String cancelUrl() default "http://localhost:8181/payments/{paymentId}/cancel";

    @AttributeDefinition(name = "Settlement currency", description = "If set (e.g. USD), every PayPal payment is converted into "
            + "it with the exchange rate staff maintain; empty: payments go in the invoices' currency.")
    String currency() default "";

    @AttributeDefinition(name = "Timeout (ms)", min = "100", description = "Connect and request timeout of each call to PayPal.")
    int timeoutMillis() default 10000;
}
