package org.hostarea.packages;

/** An upgrade takes effect at once with a prorated charge; a downgrade at the end of the term. */
public enum PlanChangeKind {
    UPGRADE, DOWNGRADE
}
