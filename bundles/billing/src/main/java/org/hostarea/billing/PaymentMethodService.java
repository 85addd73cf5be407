package org.hostarea.billing;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The account's stored payment methods; exactly one is the default while there is any. */
@ProviderType
public interface PaymentMethodService {

    List<PaymentMethod> methods(String accountId);

    /** @throws org.hostarea.core.ValidationException for a bad field, or a reference that looks like a card number */
    PaymentMethod add(String accountId, NewPaymentMethod method);

    /** @throws org.hostarea.core.NotFoundException ({@code payment-method-not-found}) */
    void remove(String accountId, String methodId);

    /** @throws org.hostarea.core.NotFoundException ({@code payment-method-not-found}) */
    PaymentMethod makeDefault(String accountId, String methodId);

    /** The gateway reference of one of the account's methods, for a payment through that gateway. */
    String reference(String accountId, String methodId, String gateway);
}
