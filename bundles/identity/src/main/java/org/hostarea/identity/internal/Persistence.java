package org.hostarea.identity.internal;

import java.sql.SQLException;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.hostarea.core.ConflictException;

/** Turns a unique-constraint violation at flush time into the conflict the caller should see. */
final class Persistence {

    /** SQLState class 23: integrity constraint violation (Derby 23505, PostgreSQL 23505). */
    private static final String INTEGRITY_VIOLATION = "23";

    private Persistence() {
    }

    static void flushUnique(EntityManager em, Supplier<ConflictException> onDuplicate) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isIntegrityViolation(e)) {
                throw onDuplicate.get();
            }
            throw e;
        }
    }

    private static boolean isIntegrityViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
                return true;
            }
        }
        return false;
    }
}
