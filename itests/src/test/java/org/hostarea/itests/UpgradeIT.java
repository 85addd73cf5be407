package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.hostarea.core.SecretTokens;
import org.hostarea.core.schema.MigrationScript;
import org.hostarea.core.schema.SchemaMigrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An upgrade: the database is built with the previous migration set (every bundle's schema at version 1, the
 * schema of Hostarea 0.1.0) from the scripts inside the distribution's own bundles, and filled with rows of every
 * bundle; then the current distribution starts on it. Its migrations run (identity goes to version 2, core's schema,
 * new since then, is created), every row is still there, and the data works: the session stored before the upgrade is still a login, its account and contact
 * are served over REST.
 */
class UpgradeIT {

    private static final List<String> ROUTES = List.of("/api/v1/me", "/api/v1/me/contacts");
    private static final List<String> SCHEMAS = List.of("identity", "notifications", "contacts", "forms", "packages", "billing");
    private static final Pattern SCRIPT = Pattern.compile("db/([a-z]+)/(derby|postgresql)/(V(\\d+)__[^/]+\\.sql)");
    private static final String ACCOUNT = UUID.randomUUID().toString();
    private static final String NUMBER = "90000001";

    private Distribution karaf;

    @Test
    void theCurrentDistributionUpgradesADatabaseOfThePreviousMigrationSetAndKeepsEveryRow() throws Exception {
        karaf = Distribution.unpack("upgrade-it", "18781", "18711", "11799", "44794");
        karaf.set("etc/org.hostarea.billing.cfg", "jobs.dailyTime", "");
        DataSource database = database();
        String database0 = SchemaMigrations.database(database);
        for (String schema : SCHEMAS) {
            List<MigrationScript> previous = scripts(schema, database0, 1);
            assertEquals(1, previous.size(), schema + ": the previous set is V1");
            assertEquals("1", SchemaMigrations.migrate(database, schema, db -> previous).to());
        }
        String token = fill(database);
        Map<String, Long> before = rowCounts(database);
        assertTrue(before.values().stream().filter(n -> n > 0).count() >= 5, "rows in the tables of several bundles: " + before);
        assertTrue(scripts("identity", database0, Integer.MAX_VALUE).size() > 1, "the current set has something to upgrade");
        karaf.closeDatabase();

        karaf.start(ROUTES);
        // (the whiteboard may still rebuild the API for a late resource right after the start: a moment of 404s)
        // (each late resource, e.g. the OpenAPI document's, is another rebuild: both routes must answer in one poll)
        Http.Reply[] reply = new Http.Reply[2];
        await("the API settled").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> (reply[0] = karaf.http.get("/api/v1/me", token)).status() != 404
                        && (reply[1] = karaf.http.get("/api/v1/me/contacts", token)).status() != 404);
        Http.Reply me = reply[0];
        assertEquals(200, me.status(), "the session stored before the upgrade: " + me);
        assertEquals(NUMBER, me.json().get("customerNumber").asText());
        Http.Reply contacts = reply[1];
        assertEquals(200, contacts.status(), contacts.toString());
        assertTrue(contacts.body().contains("Ana Upgrade"), contacts.toString());
        karaf.stop();

        DataSource after = database();
        java.util.Map<String, Long> counts = new java.util.TreeMap<>(rowCounts(after));
        java.util.Set<String> added = new java.util.TreeSet<>(counts.keySet());
        added.removeAll(before.keySet());
        assertEquals(java.util.Set.of("HA_LEASE"), added, "the only new table is core's, a schema new since the previous set");
        counts.keySet().removeAll(added);
        assertEquals(before, counts, "every row is still there");
        try (Connection db = after.getConnection(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select \"version\" from \"ha_schema_identity\" where \"success\" = TRUE order by \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            assertTrue(versions.containsAll(List.of("1", "2")), "identity migrated from 1 to 2: " + versions);
        }
        karaf.closeDatabase();
    }

    @Test
    void aFailingMigrationRollsBackWholeStopsItsBundleAndRunsAgainOnTheNextStart() throws Exception {
        karaf = Distribution.unpack("upgrade-it", "18781", "18711", "11799", "44794");
        karaf.set("etc/org.hostarea.billing.cfg", "jobs.dailyTime", "");
        DataSource database = database();
        // something in the way of the forms schema's V1: its third table exists already
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("create table HA_FORM_ATTACHMENT (SOMETHING_ELSE integer)");
        }
        karaf.closeDatabase();

        karaf.startProcess(); // not start(): that waits for a healthy distribution
        // (while the forms bundle stops, the API is briefly rebuilt: 404s in between)
        Http.Reply[] health = new Http.Reply[1];
        await("health reports the failed schema").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    health[0] = karaf.http.get("/api/v1/health", null);
                    return health[0].status() == 503 && "DOWN".equals(health[0].json().get("checks").get("schema").asText());
                });
        assertEquals("UP", health[0].json().get("checks").get("database").asText(), health[0].toString());
        await("the forms bundle is stopped").atMost(Duration.ofMinutes(1))
                .until(() -> karaf.client("bundle:list -s | grep org.hostarea.forms", Duration.ofMinutes(1)).contains("Resolved"));
        String log = Files.readString(karaf.home().resolve("data/log/karaf.log"));
        assertTrue(log.contains("org.hostarea.forms: SCHEMA MIGRATION FAILED"), "the log names the bundle and the failure");
        karaf.stop(); // (embedded Derby is opened by one JVM at a time)

        assertTrue(!tableExists(database(), "HA_FORM_REQUEST"), "the tables V1 made before the failing statement are rolled back");
        // the operator clears the way; at the next start V1 runs whole
        try (Connection db = database().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("drop table HA_FORM_ATTACHMENT");
        }
        karaf.closeDatabase();
        karaf.start(List.of("/api/v1/me", "/api/v1/me/forms"));
        assertEquals(200, karaf.http.get("/api/v1/health", null).status());
        karaf.stop();
        assertTrue(tableExists(database(), "HA_FORM_REQUEST"));
        karaf.closeDatabase();
    }

    private static boolean tableExists(DataSource database, String table) throws SQLException {
        try (Connection db = database.getConnection()) {
            for (String name : List.of(table, table.toLowerCase(java.util.Locale.ROOT))) {
                try (ResultSet rows = db.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                    if (rows.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    @AfterEach
    void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    /** The distribution's database: its own PostgreSQL database, or its Derby database (made here, before Karaf ever ran). */
    private DataSource database() {
        if (TestDatabase.postgres()) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(karaf.datasource().get("url"));
            postgres.setUser(karaf.datasource().get("user"));
            postgres.setPassword(karaf.datasource().get("password"));
            return postgres;
        }
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(karaf.home().resolve("db/hostarea").toString());
        derby.setCreateDatabase("create");
        return derby;
    }

    /** A bundle's scripts up to a version, read from the bundle inside the distribution (its system/ repository). */
    private List<MigrationScript> scripts(String schema, String database, int upTo) throws IOException {
        Path folder = karaf.home().resolve("system/org/hostarea/hostarea-" + schema);
        Path jar;
        try (Stream<Path> jars = Files.walk(folder)) {
            jar = jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        List<MigrationScript> scripts = new ArrayList<>();
        try (JarFile bundle = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(bundle.entries())) {
                Matcher m = SCRIPT.matcher(entry.getName());
                if (m.matches() && m.group(1).equals(schema) && m.group(2).equals(database) && Integer.parseInt(m.group(4)) <= upTo) {
                    try (InputStream in = bundle.getInputStream(entry)) {
                        scripts.add(new MigrationScript(m.group(3), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return scripts;
    }

    /** Rows as the previous version wrote them: an account with a live session, a contact, a security event, a sent
     * mail, a contract request. Answers the session's token. */
    private static String fill(DataSource database) throws SQLException {
        String token = ("upgrade" + UUID.randomUUID().toString().replace("-", "") + "0123456789").substring(0, 43);
        long now = System.currentTimeMillis();
        try (Connection db = database.getConnection()) {
            insert(db, "insert into HA_ACCOUNT (ID, CREATED_AT, CUSTOMER_NUMBER, EMAIL, EMAIL_KEY, LANGUAGE, OWNER_NAME, STATUS, VERSION)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", ACCOUNT, now, NUMBER, "Ana@Upgrade.example", "ana@upgrade.example", "en",
                    "Ana Upgrade", "ACTIVE", 1L);
            insert(db, "insert into HA_SESSION (ID, ACCOUNT_ID, CREATED_AT, EXPIRES_AT, LAST_SEEN_AT, SUBJECT_ID, SUBJECT_TYPE, TOKEN_HASH)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), ACCOUNT, now, now + 3_600_000L, now, ACCOUNT,
                    "CUSTOMER", SecretTokens.hash(token));
            insert(db, "insert into HA_SECURITY_EVENT (ID, ACCOUNT_ID, ACTOR, OCCURRED_AT, DETAIL, TYPE) values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), ACCOUNT, "customer:" + NUMBER, now, "before the upgrade", "LOGIN");
            insert(db, "insert into HA_CONTACT (ID, ACCOUNT_ID, CATEGORIES, CREATED_AT, EMAIL, NAME, ROLE, VERIFIED, VERSION)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), ACCOUNT, "", now, "ana@upgrade.example",
                    "Ana Upgrade", "OWNER", Boolean.TRUE, 1L);
            insert(db, "insert into HA_MESSAGE (ID, ACCOUNT_ID, ATTEMPTS, CHANNEL, CREATED_AT, LANGUAGE, NEXT_ATTEMPT_AT, RECIPIENTS,"
                    + " SENSITIVE, SENT_AT, STATUS, SUBJECT, TEMPLATE_KEY, BODY_TEXT) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), ACCOUNT, 1, "email", now, "en", now, "ana@upgrade.example", Boolean.FALSE, now, "SENT",
                    "Welcome", "identity.welcome", "Hello Ana");
            insert(db, "insert into HA_FORM_REQUEST (ID, ACCOUNT_ID, APPROVALS, CREATED_AT, PAYLOAD, STATUS, SUBMITTED_BY, FORM_TYPE,"
                    + " UPDATED_AT, VERSION) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), ACCOUNT, "", now,
                    "{\"reason\":\"moving\"}", "SUBMITTED", "customer:" + NUMBER, "CANCELLATION", now, 1L);
        }
        return token;
    }

    private static void insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            assertEquals(1, statement.executeUpdate());
        }
    }

    /** Rows per Hostarea table (HA_*, but the migration histories), from the JDBC catalog of either database. */
    private static Map<String, Long> rowCounts(DataSource database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = database.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = db.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    String name = rows.getString("TABLE_NAME");
                    String upper = name.toUpperCase(java.util.Locale.ROOT);
                    if (upper.startsWith("HA_") && !upper.startsWith("HA_SCHEMA_")) {
                        tables.add(name);
                    }
                }
            }
            for (String table : tables) {
                try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("select count(*) from \"" + table + "\"")) {
                    rows.next();
                    counts.put(table.toUpperCase(java.util.Locale.ROOT), rows.getLong(1));
                }
            }
        }
        return counts;
    }
}
