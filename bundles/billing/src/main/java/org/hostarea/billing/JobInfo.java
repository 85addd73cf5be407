package org.hostarea.billing;

/** A job staff can run, with its last run (or {@code null}). */
public record JobInfo(String name, String description, JobRun lastRun) {
}
