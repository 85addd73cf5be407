package org.hostarea.forms;

/**
 * SUBMITTED → (NEEDS_INFO ↔ SUBMITTED) → APPROVED / REJECTED; APPROVED → EXECUTED or FAILED (staff retry a
 * FAILED one); WITHDRAWN by the customer before a decision.
 */
public enum FormStatus {
    SUBMITTED,
    NEEDS_INFO,
    APPROVED,
    REJECTED,
    EXECUTED,
    FAILED,
    WITHDRAWN;

    /** Still waiting for a decision: the customer may withdraw it and add attachments. */
    public boolean open() {
        return this == SUBMITTED || this == NEEDS_INFO;
    }
}
