package org.hostarea.core.access;

/** The kind of caller a session belongs to. Customer and staff sessions never cross namespaces. */
public enum SubjectType {
    /** The holder of a customer account (logged in with customer number or owner email). */
    CUSTOMER,
    /** An invited user acting on one account with the permissions the holder granted. */
    USER,
    /** A user of the provider, under {@code /api/v1/admin}. */
    STAFF
}
