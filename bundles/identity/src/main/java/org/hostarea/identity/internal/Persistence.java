package org.hostarea.identity.internal;

import java.sql.SQLException;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.hostarea.core.ConflictException;

/**
 * Turns a unique-constraint violation at flush time into the conflict the caller should see. Callers
 * check for the duplicate in a read before their write transaction (an expected conflict then never
 * passes through a rollback); this catches the race between two writers.
 */
final class Persistence {

    /** SQLState of a unique-constraint violation, on Derby and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Persistence() {
    }

    static void flushUnique(EntityManager em, Supplier<ConflictException> onDuplicate) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw onDuplicate.get();
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
