package org.hostarea.forms;

import java.time.Instant;

/** One step of a request's history: who moved it from which state to which, when, and why. */
public record FormTransition(FormStatus from, FormStatus to, String actor, String comment, Instant at) {
}
