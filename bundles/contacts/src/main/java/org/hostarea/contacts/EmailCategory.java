package org.hostarea.contacts;

/** What a contact receives mail about. */
public enum EmailCategory {
    GENERAL,
    PRODUCTS,
    DOMAINS,
    INVOICES,
    SUPPORT
}
