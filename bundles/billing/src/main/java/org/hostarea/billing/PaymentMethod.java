package org.hostarea.billing;

import java.time.Instant;

/**
 * A stored payment method: a reference the gateway gave (a vault token, a billing agreement), never card data.
 *
 * @param referenceHint the last characters of the reference, to tell methods apart
 */
public record PaymentMethod(String id, String gateway, String label, String referenceHint, boolean isDefault, Instant createdAt) {
}
