package org.hostarea.core.access;

/** The kind of caller a session belongs to. Customer and staff sessions never cross namespaces. */
public enum SubjectType {
    /** The holder of a customer account (logged in with customer number or owner email). */
    CUSTOMER,
    /** An invited user acting on one account with the permissions the holder granted. */
    USER,
    /**
     * A package administrator: logged in with a domain of one package and that package's password; acts on
     * that package's technical settings only ({@code @PackageRoute}s), never on contract data.
     */
    PACKAGE,
    /** A user of the provider, under {@code /api/v1/admin}. */
    STAFF
}
