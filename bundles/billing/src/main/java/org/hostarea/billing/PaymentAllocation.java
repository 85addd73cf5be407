package org.hostarea.billing;

import org.hostarea.core.Money;

/** The part of a payment meant for one invoice. */
public record PaymentAllocation(String invoiceId, String invoiceNumber, Money amount) {
}
