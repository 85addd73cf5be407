package org.hostarea.core.schema;

import java.util.Objects;

/**
 * One versioned migration of a schema: a file named {@code V<version>__<description>.sql} (Flyway's naming)
 * and the SQL in it. Scripts are immutable once released: a change to the schema is a new script.
 */
public record MigrationScript(String fileName, String sql) {

    public MigrationScript {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sql, "sql");
    }
}
