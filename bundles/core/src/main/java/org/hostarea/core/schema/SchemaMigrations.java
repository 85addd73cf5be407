package org.hostarea.core.schema;

import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Brings one bundle's schema to its newest version with Flyway. Each schema has its own history table
 * ({@code ha_schema_<name>}), so bundles are versioned, installed and upgraded independently on one database.
 * Every script runs in its own transaction (Derby and PostgreSQL both roll DDL back), so a failing script
 * leaves the schema at the last version that applied whole. Nodes that start at once wait for each other on
 * Flyway's lock (an advisory lock on PostgreSQL); the later ones find nothing left to do.
 */
public final class SchemaMigrations {

    /** The database products Hostarea runs on, by the folder their scripts are in. */
    public static final String DERBY = "derby";
    public static final String POSTGRESQL = "postgresql";

    private SchemaMigrations() {
    }

    /** The outcome of a migration: the version before and after, and how many scripts ran. */
    public record Outcome(String schema, String database, String from, String to, int applied) {
    }

    /**
     * Migrates {@code schema} on {@code dataSource} with the scripts {@code scripts} gives for the database
     * product ({@link #DERBY} or {@link #POSTGRESQL}). Outside any JTA transaction: every script commits.
     */
    public static Outcome migrate(DataSource dataSource, String schema, Function<String, List<MigrationScript>> scripts) {
        if (!schema.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("schema name must be lower-case letters, digits and _: " + schema);
        }
        String database = database(dataSource);
        List<MigrationScript> found = scripts.apply(database);
        try {
            Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .table("ha_schema_" + schema)
                    .resourceProvider(new Scripts(found))
                    .javaMigrationClassProvider(List::<Class<? extends JavaMigration>>of)
                    .validateMigrationNaming(true)
                    // the bundles share one database schema: a schema of another bundle is not "ours" to baseline
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .cleanDisabled(true)
                    .load();
            MigrateResult result = flyway.migrate();
            // Flyway names no target version when there was nothing to do
            String to = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            return new Outcome(schema, database, result.initialSchemaVersion, to, result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new SchemaMigrationException("schema " + schema + " on " + database + ": " + e.getMessage(), e);
        }
    }

    /** {@link #DERBY} or {@link #POSTGRESQL}, from the connection's metadata. */
    public static String database(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("derby")) {
                return DERBY;
            }
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new SchemaMigrationException("unsupported database " + product + " (Hostarea runs on Derby and PostgreSQL)", null);
        } catch (SQLException e) {
            throw new SchemaMigrationException("database unreachable: " + e.getMessage(), e);
        }
    }

    /** The scripts as Flyway resources, looked up by file name: no class path scanning inside OSGi. */
    private static final class Scripts implements ResourceProvider {

        private final Map<String, MigrationScript> byName;

        Scripts(List<MigrationScript> scripts) {
            this.byName = scripts.stream().collect(Collectors.toMap(MigrationScript::fileName, s -> s));
        }

        @Override
        public LoadableResource getResource(String name) {
            MigrationScript script = byName.get(name);
            return script == null ? null : new Script(script);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return byName.values().stream()
                    .filter(s -> s.fileName().startsWith(prefix) && List.of(suffixes).stream().anyMatch(s.fileName()::endsWith))
                    .map(Script::new)
                    .collect(Collectors.toList());
        }
    }

    private static final class Script extends LoadableResource {

        private final MigrationScript script;

        Script(MigrationScript script) {
            this.script = script;
        }

        @Override
        public Reader read() {
            return new StringReader(script.sql());
        }

        @Override
        public String getAbsolutePath() {
            return script.fileName();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return script.fileName();
        }

        @Override
        public String getFilename() {
            return script.fileName();
        }

        @Override
        public String getRelativePath() {
            return script.fileName();
        }
    }
}
