package org.hostarea.identity;

/** Only ACTIVE accounts can log in. */
public enum AccountStatus {
    ACTIVE,
    CLOSED
}
