package org.hostarea.billing.spi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A payment gateway plugin, registered as an OSGi service. Billing calls it outside any transaction, having
 * stored the payment first; whatever happens during a call (an exception, the bundle going away), the
 * payment stays recorded and is resolved later through {@link #status}.
 */
@ConsumerType
public interface PaymentGateway {

    /** Stable id used in requests and callback URLs, e.g. {@code banktransfer}. Lower case letters, digits, hyphens. */
    String id();

    String displayName();

    /** ISO 4217 codes it takes; empty: any. */
    Set<String> currencies();

    /** Starts a payment. Must be idempotent per {@link PaymentRequest#paymentId()}. */
    PaymentResult start(PaymentRequest request);

    /**
     * Verifies and reads a provider callback ({@code POST /api/v1/payments/callback/<id>}). Verification is the
     * plugin's: a signature with a configured secret or the provider's verification API, never a key or
     * certificate the request itself points to.
     *
     * @throws CallbackRejectedException if it is not authentic or not understood
     */
    GatewayEvent callback(Map<String, List<String>> headers, byte[] body);

    /** The provider's current view of a payment, for reconciliation. */
    PaymentResult status(String paymentId, String providerReference);

    /**
     * Whether customers may start payments through it now. An operator turns a gateway off by configuration
     * without uninstalling it; payments already started still complete (callbacks, reconciliation).
     */
    default boolean enabled() {
        return true;
    }

    /**
     * The one currency the gateway settles in, if it converts: billing then converts each payment's amount with
     * the staff-maintained exchange rate (stored with the payment) before calling {@link #start}. {@code null}
     * (the default): payments go to the gateway in the invoices' currency.
     */
    default String settlementCurrency() {
        return null;
    }
}
