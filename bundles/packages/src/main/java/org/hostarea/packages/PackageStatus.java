package org.hostarea.packages;

/** The life of a package. */
public enum PackageStatus {
    /** Ordered, not yet active (e.g. awaiting the first payment). */
    PENDING,
    ACTIVE,
    /** Blocked for at least one {@link SuspendReason}; lifted when the last reason goes. */
    SUSPENDED,
    /** Ended by the customer; its domains stay reserved to the account until it is terminated. */
    CANCELLED,
    /** Ended for good by the provider; its domains are released. */
    TERMINATED;

    /** Whether it still runs (and may be changed, suspended or cancelled). */
    public boolean live() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
