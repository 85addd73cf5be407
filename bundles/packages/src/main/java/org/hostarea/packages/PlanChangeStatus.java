package org.hostarea.packages;

public enum PlanChangeStatus {
    /** In effect. */
    APPLIED,
    /** A downgrade waiting for the end of the term. */
    SCHEDULED,
    /** A scheduled downgrade the customer took back, or one dropped because the package ended. */
    REVOKED
}
