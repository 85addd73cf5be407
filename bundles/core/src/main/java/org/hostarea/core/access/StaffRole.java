package org.hostarea.core.access;

/** The provider's staff roles. ADMIN may do everything any staff route allows. */
public enum StaffRole {
    ADMIN,
    SUPPORT,
    BILLING
}
