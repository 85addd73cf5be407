package org.hostarea.billing;

/** A gateway reference to store; {@code makeDefault} (the first method is the default anyway). */
public record NewPaymentMethod(String gateway, String label, String reference, Boolean makeDefault) {
}
