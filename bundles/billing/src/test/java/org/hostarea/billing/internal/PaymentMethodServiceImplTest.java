package org.hostarea.billing.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PaymentMethodServiceImplTest {

    @Test
    void cardNumbersAreRecognisedInAnyDisguise() {
        assertTrue(PaymentMethodServiceImpl.looksLikeCardNumber("4111111111111111"));
        assertTrue(PaymentMethodServiceImpl.looksLikeCardNumber("tok_4111 1111 1111 1111"));
        assertTrue(PaymentMethodServiceImpl.looksLikeCardNumber("5500-0000-0000-0004"));
        assertTrue(PaymentMethodServiceImpl.looksLikeCardNumber("4111.1111.1111.1111"));
        assertTrue(PaymentMethodServiceImpl.looksLikeCardNumber("4111111111111111-1227"));
        assertFalse(PaymentMethodServiceImpl.looksLikeCardNumber("ref-123456789012")); // fewer than 13 digits
        assertFalse(PaymentMethodServiceImpl.looksLikeCardNumber("B-7YK12345ABCDE"));
        assertFalse(PaymentMethodServiceImpl.looksLikeCardNumber("vault:abc123"));
    }
}
