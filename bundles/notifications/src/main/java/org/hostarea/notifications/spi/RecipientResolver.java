package org.hostarea.notifications.spi;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers who receives a category of messages of an account ("the Invoices recipients of account X"),
 * e.g. from its contacts and their subscriptions. Registered as an OSGi service.
 */
@ConsumerType
public interface RecipientResolver {

    /** Email addresses for the category ({@code GENERAL}, {@code PRODUCTS}, {@code DOMAINS}, {@code INVOICES}, {@code SUPPORT}). */
    Set<String> recipients(String accountId, String category);
}
