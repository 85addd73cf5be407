package org.hostarea.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The database the distributions under test run on: embedded Derby (the default) or, with {@code -Ppostgres}, a new
 * PostgreSQL database for every distribution, created on the server named by {@code hostarea.it.postgresql.url}.
 */
final class TestDatabase {

    static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-hostarea.cfg";
    /** The databases this JVM made: dropped when it ends, unless -Dhostarea.keepRuntime=true keeps them for a look. */
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        if (postgres() && !Boolean.getBoolean("hostarea.keepRuntime")) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
        }
    }

    private TestDatabase() {
    }

    static boolean postgres() {
        return "postgresql".equals(System.getProperty("hostarea.it.database", "derby"));
    }

    /** The server's JDBC URL, ending in '/', to which a database name is appended. */
    private static String server() {
        String url = System.getProperty("hostarea.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/");
        return url.endsWith("/") ? url : url + "/";
    }

    private static String user() {
        return System.getProperty("hostarea.it.postgresql.user", "postgres");
    }

    /**
     * With PostgreSQL: creates an empty database named after {@code purpose} and answers the keys of the
     * datasource configuration that point the distribution at it; with Derby: no keys (the distribution's own).
     */
    static Map<String, String> freshDatasource(String purpose) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (!postgres()) {
            return keys;
        }
        String name = "hostarea_it_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(server() + "postgres", user(), "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the PostgreSQL database " + name + " at " + server(), e);
        }
        keys.put("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        keys.put("url", server() + name);
        keys.put("user", user());
        keys.put("password", "");
        return keys;
    }

    private static void dropCreated() {
        try (Connection admin = DriverManager.getConnection(server() + "postgres", user(), "");
                Statement statement = admin.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("test databases not dropped: " + e);
        }
    }

    /** A connection to the database a datasource configuration of {@link #freshDatasource} points at. */
    static Connection open(Map<String, String> keys) throws SQLException {
        return DriverManager.getConnection(keys.get("url"), keys.get("user"), keys.get("password"));
    }
}
