package org.hostarea.core.schema;

/** A schema could not be brought to its newest version; the database keeps the last version that applied whole. */
public final class SchemaMigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
