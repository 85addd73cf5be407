package org.hostarea.packages;

/** What became of the prorated charge of a plan change. */
public enum ChargeStatus {
    /** Nothing to charge (a downgrade, or nothing left of the term). */
    NONE,
    /** Recorded; no billing was installed to take it yet ({@link PackageService#pendingCharges}). */
    PENDING,
    /** Handed to billing ({@link org.hostarea.packages.spi.PlanChangeCharger}) in the change's transaction. */
    CHARGED
}
