package org.hostarea.billing;

/** RUNNING until it ends COMPLETED (possibly with item errors) or FAILED; ABANDONED if its node died during the run. */
public enum JobStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    ABANDONED
}
