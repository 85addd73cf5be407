package org.hostarea.packages;

/** When a cancellation takes effect. */
public enum CancellationMode {
    /** At the end of the current term (the next due date); the default. */
    END_OF_TERM,
    /** Now. */
    IMMEDIATE
}
