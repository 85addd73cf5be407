package org.hostarea.core;

import java.sql.SQLException;

/**
 * Recognises a unique-constraint violation in whatever exception a persistence layer wraps it in: the
 * database, not a check-then-insert, decides races between two writers.
 */
public final class UniqueViolation {

    /** SQLState of a unique-constraint violation, on Derby and PostgreSQL alike. */
    public static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
