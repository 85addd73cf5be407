package org.hostarea.contacts;

/** The roles a contact can hold, each with a limit per account; contacts without a role are unlimited. */
public enum ContactRole {
    OWNER(3),
    ADMINISTRATIVE(1),
    TECHNICAL(1),
    BILLING(1);

    private final int limit;

    ContactRole(int limit) {
        this.limit = limit;
    }

    /** How many contacts of an account may hold this role. */
    public int limit() {
        return limit;
    }
}
