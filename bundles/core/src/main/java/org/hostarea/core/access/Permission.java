package org.hostarea.core.access;

/**
 * What a customer-side subject may do on an account. The account holder has every permission; an
 * invited user has the ones the holder granted. Routes name the permission they need.
 */
public enum Permission {
    /** Modify the account's main profile (master data). */
    PROFILE_EDIT,
    CONTACTS_VIEW,
    CONTACTS_MANAGE,
    /** View products and services (packages). */
    PACKAGES_VIEW,
    /** View and change the passwords of packages. */
    PACKAGE_PASSWORDS_MANAGE,
    DOMAINS_VIEW,
    /** Manage domain settings. */
    DOMAINS_MANAGE,
    INVOICES_VIEW_PAY,
    /** View and open support requests. */
    SUPPORT,
    /** Read the account's message log. */
    MESSAGES_VIEW,
    /** Place new orders, upgrades and cancellations. */
    ORDERS
}
