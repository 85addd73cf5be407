package org.hostarea.core.jpa;

import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.hostarea.core.UniqueViolation;

/** Helpers for writes inside a transaction. */
public final class Writes {

    private Writes() {
    }

    /**
     * Flushes now so that a unique-constraint violation (the race between two writers that a read before
     * the write could not see) surfaces as the caller's conflict instead of a failed commit.
     */
    public static void flushUnique(EntityManager em, Supplier<? extends RuntimeException> onDuplicate) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.isCause(e)) {
                throw onDuplicate.get();
            }
            throw e;
        }
    }
}
