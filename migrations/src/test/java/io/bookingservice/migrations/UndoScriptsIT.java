package io.bookingservice.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.migrations.catalog.CatalogSnapshot;
import io.bookingservice.migrations.testing.LegacyFixture;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestFlyway;
import io.bookingservice.migrations.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every undo script U&lt;n&gt; turns the schema of version n back into exactly that of n-1.
 * Undone on the legacy data, so the scripts are proven on real rows, not only on empty tables.
 */
class UndoScriptsIT {

    @ParameterizedTest(name = "U{0} restores the version before {0}")
    @ValueSource(ints = {8, 6, 5, 4, 3})
    void undoRestoresThePreviousSchema(int version) throws SQLException {
        TestDatabase undone = adoptedLegacyDatabaseAt(version);
        runUndo(undone, version);
        TestDatabase previous = TestPostgres.createDatabase();
        TestFlyway.migrate(previous, versionBefore(version));

        assertThat(snapshot(previous).diff(snapshot(undone))).isEmpty();
    }

    @Test
    void everyMigrationAfterTheAlembicOnesHasAnUndoScript() {
        List<MigrationInfo> migrations = Arrays.asList(
                TestFlyway.configure(TestPostgres.createDatabase()).load().info().all());

        assertThat(migrations).hasSizeGreaterThanOrEqualTo(6);
        assertThat(migrations)
                .filteredOn(m -> m.getVersion().compareTo(MigrationVersion.fromVersion("2")) > 0)
                .allSatisfy(m -> assertThat(UndoScriptsIT.class.getResource("/" + undoResource(m))).isNotNull());
    }

    @Test
    void undoingTimestamptzRestoresTheLegacyWallClockTimes() throws SQLException {
        TestDatabase undone = adoptedLegacyDatabaseAt(3);
        runUndo(undone, 3);

        try (Connection connection = undone.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT event_time::text, address::text FROM booking_requests WHERE id = 5");
                ResultSet row = query.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("2025-02-20 10:15:00.25");
            assertThat(row.getString(2)).contains("\"state\": \"Lisboa\"");
        }
    }

    /** The version applied before {@code version}: versions may leave gaps (V7 is not taken). */
    private static String versionBefore(int version) {
        MigrationVersion target = MigrationVersion.fromVersion(String.valueOf(version));
        return Arrays.stream(TestFlyway.configure(TestPostgres.createDatabase()).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(target) < 0)
                .max(MigrationVersion::compareTo)
                .orElseThrow()
                .getVersion();
    }

    private static TestDatabase adoptedLegacyDatabaseAt(int version) {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        TestFlyway.configure(db)
                .baselineVersion("2")
                .baselineOnMigrate(true)
                .target(String.valueOf(version))
                .load()
                .migrate();
        return db;
    }

    /** Runs db/undo/U&lt;n&gt;__&lt;slug&gt;.sql, named after V&lt;n&gt;'s script, in one transaction. */
    private static void runUndo(TestDatabase db, int version) throws SQLException {
        MigrationInfo migration = Arrays.stream(TestFlyway.configure(db).load().info().all())
                .filter(m -> m.getVersion().equals(MigrationVersion.fromVersion(String.valueOf(version))))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no migration V" + version));
        String sql = read(undoResource(migration));
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(sql);
            connection.commit();
        }
    }

    private static String undoResource(MigrationInfo migration) {
        return "db/undo/U" + migration.getScript().substring(1);
    }

    private static String read(String resource) {
        try (InputStream in = UndoScriptsIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CatalogSnapshot snapshot(TestDatabase db) throws SQLException {
        return CatalogSnapshot.read(db.dataSource(), "public", CatalogSnapshot.BOOKKEEPING_TABLES);
    }
}
