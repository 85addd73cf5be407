package org.hostarea.identity.internal;

import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.hostarea.core.ConflictException;
import org.hostarea.core.UniqueViolation;

/**
 * Turns a unique-constraint violation at flush time into the conflict the caller should see. Callers
 * check for the duplicate in a read before their write transaction (an expected conflict then never
 * passes through a rollback); this catches the race between two writers.
 */
final class Persistence {

    private Persistence() {
    }

    static void flushUnique(EntityManager em, Supplier<ConflictException> onDuplicate) {
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
