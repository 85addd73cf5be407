package org.hostarea.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    private EmbeddedDataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:schema-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
    }

    @Test
    void appliesTheScriptsInVersionOrderOnceAndOnlyTheNewOnesLater() throws SQLException {
        List<MigrationScript> scripts = new ArrayList<>(List.of(
                new MigrationScript("V2__rows.sql", "INSERT INTO HA_T (ID, NAME) VALUES (1, 'one');\nINSERT INTO HA_T (ID, NAME) VALUES (2, 'two');"),
                new MigrationScript("V1__table.sql", "CREATE TABLE HA_T (ID INTEGER NOT NULL PRIMARY KEY, NAME VARCHAR(20));")));

        SchemaMigrations.Outcome first = SchemaMigrations.migrate(dataSource, "demo", db -> scripts);
        assertEquals(new SchemaMigrations.Outcome("demo", SchemaMigrations.DERBY, null, "2", 2), first);
        assertEquals(2, count("SELECT COUNT(*) FROM HA_T"));

        SchemaMigrations.Outcome again = SchemaMigrations.migrate(dataSource, "demo", db -> scripts);
        assertEquals(0, again.applied(), "nothing is applied twice");
        assertEquals("2", again.to());
        assertEquals(2, count("SELECT COUNT(*) FROM HA_T"));

        scripts.add(new MigrationScript("V3__column.sql", "ALTER TABLE HA_T ADD COLUMN NOTE VARCHAR(40);\nUPDATE HA_T SET NOTE = 'kept';"));
        SchemaMigrations.Outcome upgrade = SchemaMigrations.migrate(dataSource, "demo", db -> scripts);
        assertEquals("2", upgrade.from());
        assertEquals("3", upgrade.to());
        assertEquals(2, count("SELECT COUNT(*) FROM HA_T WHERE NOTE = 'kept'"), "every row is still there after the upgrade");
    }

    @Test
    void aFailingScriptLeavesTheSchemaAtTheLastCompleteVersion() throws SQLException {
        List<MigrationScript> scripts = List.of(
                new MigrationScript("V1__table.sql", "CREATE TABLE HA_T (ID INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO HA_T (ID) VALUES (1);"),
                new MigrationScript("V2__broken.sql", "CREATE TABLE HA_HALF (ID INTEGER);\nINSERT INTO HA_T (ID) VALUES (2);\nINSERT INTO HA_NOWHERE (ID) VALUES (3);"));

        SchemaMigrationException failure = assertThrows(SchemaMigrationException.class,
                () -> SchemaMigrations.migrate(dataSource, "demo", db -> scripts));

        assertTrue(failure.getMessage().startsWith("schema demo on derby: "), failure.getMessage());
        assertEquals(1, count("SELECT COUNT(*) FROM HA_T"), "the half of V2 that ran is rolled back");
        assertFalse(tableExists("HA_HALF"), "V2's table is rolled back with it");
        assertEquals(1, count("SELECT COUNT(*) FROM \"ha_schema_demo\" WHERE \"success\" = TRUE AND \"version\" = '1'"));
        assertEquals(0, count("SELECT COUNT(*) FROM \"ha_schema_demo\" WHERE \"version\" = '2'"), "V2 is not recorded: it runs again next time");
    }

    @Test
    void bundlesShareTheDatabaseEachWithItsOwnHistory() throws SQLException {
        SchemaMigrations.migrate(dataSource, "first", db -> List.of(new MigrationScript("V1__a.sql", "CREATE TABLE HA_A (ID INTEGER);")));
        SchemaMigrations.Outcome second = SchemaMigrations.migrate(dataSource, "second",
                db -> List.of(new MigrationScript("V1__b.sql", "CREATE TABLE HA_B (ID INTEGER);")));

        assertEquals(1, second.applied(), "a schema that already holds another bundle's tables still gets its own");
        assertTrue(tableExists("HA_A") && tableExists("HA_B"));
    }

    @Test
    void refusesANameThatIsNotALowerCaseIdentifier() {
        assertThrows(IllegalArgumentException.class, () -> SchemaMigrations.migrate(dataSource, "x; DROP TABLE y", db -> List.of()));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet r = c.getMetaData().getTables(null, null, name, null)) {
            return r.next();
        }
    }
}
