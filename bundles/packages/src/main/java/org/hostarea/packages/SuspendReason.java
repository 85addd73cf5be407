package org.hostarea.packages;

/** Why a package is suspended; a package may be suspended for several reasons at once. */
public enum SuspendReason {
    /** Recorded usage exceeds a limit of the plan; lifted automatically when back under. */
    QUOTA,
    /** An invoice is overdue past the grace period; lifted when it is paid. */
    OVERDUE,
    /** Abuse (spam, malware...), by staff. */
    ABUSE,
    /** Anything else, by staff. */
    OTHER
}
