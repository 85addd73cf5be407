package org.hostarea.billing;

import java.util.List;
import java.util.Map;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Payments through gateway plugins, recorded exactly once: the payment is stored before the gateway is
 * called, its outcome is applied once under a lock of the payment row (a second callback, a reconciliation
 * and a replayed request find it applied), and a repeated request with the same {@code Idempotency-Key}
 * answers the first one.
 */
@ProviderType
public interface PaymentService {

    List<GatewayInfo> gateways();

    /**
     * @param idempotencyKey optional; same key and same request: the first answer (status as first answered),
     *     nothing else happens; same key, other request: 422 {@code idempotency-key-reused}; while the first is
     *     still running: 409 {@code idempotency-in-flight}
     * @throws org.hostarea.core.PluginMissingException (503) if the gateway is not installed
     */
    Payment pay(String accountId, PaymentInput payment, String idempotencyKey, String actor);

    Page<Payment> payments(String accountId, PageRequest page);

    Payment payment(String accountId, String paymentId);

    /**
     * A provider callback for a gateway: verified by the plugin, recorded once per provider event id.
     *
     * @return the payment it concerned
     * @throws org.hostarea.core.PluginMissingException (503, the provider retries) if the gateway is not installed
     */
    Payment callback(String gatewayId, Map<String, List<String>> headers, byte[] body);

    /**
     * The customer is back from the gateway (an approval page): asks the gateway about the payment now and
     * applies what it says (for PayPal: an approved order is captured).
     *
     * @throws org.hostarea.core.NotFoundException ({@code payment-not-found}) unless it is the account's
     * @throws org.hostarea.core.PluginMissingException (503) if its gateway is not installed
     */
    Payment refresh(String accountId, String paymentId);

    /** Asks the gateways about payments in UNKNOWN (and PENDING ones older than a minute); returns how many changed. */
    int reconcile();

    /**
     * Records what is known about a payment from outside its gateway (a bank statement line, staff), exactly as a
     * verified callback would: applied once, only to a payment still open. Joins the caller's transaction.
     */
    Payment settle(String paymentId, org.hostarea.billing.spi.PaymentResult result);

    /** Staff: any account's payments ({@code accountId} optional), newest first. */
    Page<Payment> search(String accountId, PaymentStatus status, PageRequest page);
}
