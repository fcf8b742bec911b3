package io.bookingservice.migrations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.migrations.catalog.CatalogSnapshot;
import io.bookingservice.migrations.engine.HistoryEntry.State;
import io.bookingservice.migrations.engine.MigrationRefusedException.AdoptionRefused;
import io.bookingservice.migrations.engine.MigrationRefusedException.BelowBaseline;
import io.bookingservice.migrations.engine.MigrationRefusedException.ChecksumMismatch;
import io.bookingservice.migrations.engine.MigrationRefusedException.FailedMigrationRecorded;
import io.bookingservice.migrations.engine.MigrationRefusedException.InvalidTarget;
import io.bookingservice.migrations.engine.MigrationRefusedException.MissingUndoScript;
import io.bookingservice.migrations.testing.LegacyFixture;
import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestEngines;
import io.bookingservice.migrations.testing.TestFlyway;
import io.bookingservice.migrations.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationEngineIT {

    @TempDir
    Path temp;

    @Test
    void upgradeHeadAppliesEveryMigrationToAnEmptyDatabase() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);

        MigrationOutcome outcome = engine.upgrade("head");

        assertThat(outcome.fromVersion()).isNull();
        assertThat(outcome.toVersion()).isEqualTo("11");
        assertThat(outcome.steps()).containsExactly("applied V1 booking requests", "applied V2 users",
                "applied V3 timestamptz and jsonb", "applied V4 ownership decisions and version",
                "applied V5 booking rules", "applied V6 idempotency keys", "applied V7 throttle buckets",
                "applied V8 sessions", "applied V9 event time order", "applied V10 filtered pages",
                "applied V11 filtered pages by status");
        assertThat(engine.current()).contains("11");
        assertThat(engine.head()).contains("11");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt(null))).isEmpty();
        assertThat(engine.upgrade("head").steps()).isEmpty();
    }

    @Test
    void upgradeByStepsAndToAVersion() {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);

        assertThat(engine.upgrade("+2").toVersion()).isEqualTo("2");
        assertThat(engine.upgrade("+1").steps()).containsExactly("applied V3 timestamptz and jsonb");
        assertThat(engine.upgrade("6").toVersion()).isEqualTo("6");

        assertThatThrownBy(() -> engine.upgrade("+6")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("only 5 migration(s) pending (V7, V8, V9, V10, V11)");
        assertThatThrownBy(() -> engine.upgrade("3")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("use downgrade 3");
        assertThatThrownBy(() -> engine.upgrade("99")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("no migration V99");
        assertThatThrownBy(() -> engine.upgrade("latest")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("head, +N or a version");
        assertThat(engine.current()).contains("6");
    }

    @Test
    void progressLinesNameEachMigrationAsItStarts() {
        List<String> lines = new ArrayList<>();
        TestDatabase db = TestPostgres.createDatabase();
        TestEngines.connect(new DatabaseUrl(db.jdbcUrl(), db.user(), db.password()), MigrationSettings.defaults(), lines::add)
                .upgrade("+2");

        assertThat(lines).containsExactly("applying V1 booking requests", "applying V2 users");
    }

    @Test
    void downgradeStepsRestoreEachPreviousSchemaAndAreLogged() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("head");

        assertThat(engine.downgrade("-1").steps()).containsExactly("undid V11 filtered pages by status");
        assertThat(engine.current()).contains("10");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt("10"))).isEmpty();
        assertThat(engine.downgrade("-1").steps()).containsExactly("undid V10 filtered pages");
        assertThat(engine.current()).contains("9");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt("9"))).isEmpty();
        assertThat(engine.downgrade("-1").steps()).containsExactly("undid V9 event time order");
        assertThat(engine.current()).contains("8");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt("8"))).isEmpty();
        assertThat(engine.downgrade("-1").steps()).containsExactly("undid V8 sessions");
        assertThat(engine.current()).contains("7");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt("7"))).isEmpty();
        assertThat(engine.downgrade("-1").steps()).containsExactly("undid V7 throttle buckets");
        assertThat(engine.current()).contains("6");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt("6"))).isEmpty();
        assertThat(engine.downgrade("-1").steps()).containsExactly("undid V6 idempotency keys");
        assertThat(engine.current()).contains("5");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt("5"))).isEmpty();

        assertThat(engine.downgrade("-2").toVersion()).isEqualTo("3");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt("3"))).isEmpty();

        assertThat(engine.downgrade("2").steps()).containsExactly("undid V3 timestamptz and jsonb");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt("2"))).isEmpty();

        MigrationOutcome toBase = engine.downgrade("base");
        assertThat(toBase.toVersion()).isNull();
        assertThat(toBase.steps()).containsExactly("undid V2 users", "undid V1 booking requests");
        assertThat(engine.current()).isEmpty();
        assertThat(snapshot(db).tables()).isEmpty();
        assertThat(snapshot(db).sequences()).isEmpty();

        assertThat(queryStrings(db, "SELECT version || ' ' || script FROM migration_downgrade_log ORDER BY id"))
                .containsExactly("11 U11__filtered_pages_by_status.sql", "10 U10__filtered_pages.sql",
                        "9 U9__event_time_order.sql", "8 U8__sessions.sql",
                        "7 U7__throttle_buckets.sql",
                        "6 U6__idempotency_keys.sql", "5 U5__booking_rules.sql",
                        "4 U4__ownership_decisions_and_version.sql", "3 U3__timestamptz_and_jsonb.sql",
                        "2 U2__users.sql", "1 U1__booking_requests.sql");
        assertThat(queryStrings(db, "SELECT count(*) FROM flyway_schema_history")).containsExactly("0");
        assertThatThrownBy(() -> engine.downgrade("-1")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("no migration is applied");
    }

    @Test
    void roundTripFromHeadToBaseAndBackEndsInTheSameSchema() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("head");
        CatalogSnapshot before = snapshot(db);

        engine.downgrade("base");
        engine.upgrade("head");

        assertThat(before.tables()).containsKeys("booking_requests", "users", "idempotency_keys", "throttle_buckets");
        assertThat(before.diff(snapshot(db))).isEmpty();
        assertThat(engine.current()).contains("11");
    }

    @Test
    void invalidDowngradeTargetsAreRefused() {
        MigrationEngine engine = engine(TestPostgres.createDatabase());
        engine.upgrade("3");

        assertThatThrownBy(() -> engine.downgrade("-4")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("only 3 migration(s) applied");
        assertThatThrownBy(() -> engine.downgrade("3")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("already at version 3");
        assertThatThrownBy(() -> engine.downgrade("5")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("V5 is not applied");
        assertThatThrownBy(() -> engine.downgrade("+1")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("use upgrade");
        assertThat(engine.current()).contains("3");
    }

    @Test
    void downgradeWithoutAnUndoScriptIsRefusedBeforeAnythingIsUndone() throws IOException, SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db, scripts(Map.of(
                "migration/V1__a.sql", "CREATE TABLE a (id integer);",
                "migration/V2__b.sql", "CREATE TABLE b (id integer);",
                "migration/V3__c.sql", "CREATE TABLE c (id integer);",
                "undo/U1__a.sql", "DROP TABLE a;",
                "undo/U3__c.sql", "DROP TABLE c;")));
        engine.upgrade("head");

        assertThatThrownBy(() -> engine.downgrade("base")).isInstanceOf(MissingUndoScript.class)
                .hasMessageContaining("U2__b.sql is missing")
                .hasMessageContaining("downgrade to version 2 at most");
        assertThat(engine.current()).contains("3");
        assertThat(snapshot(db).tables()).containsKeys("a", "b", "c");

        engine.downgrade("-1");
        assertThat(engine.current()).contains("2");
    }

    @Test
    void aChangedAppliedScriptIsRefusedByDowngradeAndUpgrade() throws IOException {
        Path location = scripts(Map.of(
                "migration/V1__a.sql", "CREATE TABLE a (id integer);",
                "undo/U1__a.sql", "DROP TABLE a;"));
        MigrationEngine engine = engine(TestPostgres.createDatabase(), location);
        engine.upgrade("head");
        Files.writeString(location.resolve("migration/V1__a.sql"), "CREATE TABLE a (id bigint);");
        Files.writeString(location.resolve("migration/V2__b.sql"), "CREATE TABLE b (id integer);");

        assertThatThrownBy(() -> engine.downgrade("-1")).isInstanceOf(ChecksumMismatch.class)
                .hasMessageContaining("V1 (V1__a.sql) was applied with checksum")
                .hasMessageContaining("restore the script");
        assertThatThrownBy(() -> engine.upgrade("head")).isInstanceOf(ChecksumMismatch.class);
        assertThat(engine.current()).contains("1");
    }

    @Test
    void aDatabaseAtHeadIsLeftAsItIsButAChangedOrMissingScriptIsStillRefusedThere() throws IOException {
        Path location = scripts(Map.of(
                "migration/V1__a.sql", "CREATE TABLE a (id integer);",
                "migration/V2__b.sql", "CREATE TABLE b (id integer);",
                "undo/U1__a.sql", "DROP TABLE a;",
                "undo/U2__b.sql", "DROP TABLE b;"));
        MigrationEngine engine = engine(TestPostgres.createDatabase(), location);
        engine.upgrade("head");

        MigrationOutcome again = engine.upgrade("head");
        assertThat(again.fromVersion()).isEqualTo("2");
        assertThat(again.toVersion()).isEqualTo("2");
        assertThat(again.steps()).isEmpty();

        Files.writeString(location.resolve("migration/V1__a.sql"), "CREATE TABLE a (id bigint);");
        assertThatThrownBy(() -> engine.upgrade("head")).isInstanceOf(ChecksumMismatch.class)
                .hasMessageContaining("V1 (V1__a.sql) was applied with checksum");
        Files.writeString(location.resolve("migration/V1__a.sql"), "CREATE TABLE a (id integer);");
        Files.delete(location.resolve("migration/V2__b.sql"));
        assertThatThrownBy(() -> engine.upgrade("head")).isInstanceOf(ChecksumMismatch.class)
                .hasMessageContaining("V2 (V2__b.sql) is applied but missing from the migration locations");
    }

    @Test
    void aRecordedFailedMigrationIsRefusedAlsoWhenEveryScriptIsApplied() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("head");
        recordFailedMigration(db, 100, "half done", "V100__half_done.sql");

        assertThatThrownBy(() -> engine.upgrade("head")).isInstanceOf(FailedMigrationRecorded.class)
                .hasMessageContaining("(V100)");
    }

    @Test
    void aRecordedFailedMigrationIsRefused() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("3");
        recordFailedMigration(db, 4, "ownership decisions and version", "V4__ownership_decisions_and_version.sql");

        assertThatThrownBy(() -> engine.downgrade("-1")).isInstanceOf(FailedMigrationRecorded.class)
                .hasMessageContaining("(V4)").hasMessageContaining("success = false");
        assertThatThrownBy(() -> engine.upgrade("head")).isInstanceOf(FailedMigrationRecorded.class);
        assertThat(queryStrings(db, "SELECT count(*) FROM flyway_schema_history WHERE success"))
                .containsExactly("3");
    }

    @Test
    void adoptsTheLegacyDatabaseAndRefusesToGoBelowItsBaseline() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        MigrationEngine engine = engine(db);

        MigrationOutcome outcome = engine.upgrade("head");

        assertThat(outcome.adoptedFrom()).isEqualTo("00ba29ba9ef0");
        assertThat(outcome.fromVersion()).isEqualTo("2");
        assertThat(outcome.steps()).hasSize(9);
        assertThat(engine.current()).contains("11");
        assertThat(queryStrings(db, "SELECT count(*) FROM booking_requests")).containsExactly("5");
        assertThat(engine.history()).filteredOn(e -> e.state() == State.BASELINE)
                .extracting(HistoryEntry::version, HistoryEntry::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", "Alembic 00ba29ba9ef0"));

        assertThatThrownBy(() -> engine.downgrade("base")).isInstanceOf(BelowBaseline.class)
                .hasMessageContaining("lowest reachable version is 2");
        assertThat(engine.current()).contains("11");
        engine.downgrade("2");
        assertThat(engine.current()).contains("2");
        assertThatThrownBy(() -> engine.downgrade("-1")).isInstanceOf(BelowBaseline.class);
    }

    @Test
    void adoptsAnAlembicDatabaseAtTheFirstRevision() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        TestFlyway.migrate(db, "1");
        execute(db, "DROP TABLE flyway_schema_history");
        execute(db, "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)");
        execute(db, "INSERT INTO alembic_version VALUES ('be5c4de9546c')");

        MigrationOutcome outcome = engine(db).upgrade("head");

        assertThat(outcome.adoptedFrom()).isEqualTo("be5c4de9546c");
        assertThat(outcome.steps()).first().isEqualTo("applied V2 users");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt(null))).isEmpty();
    }

    @Test
    void anUnknownAlembicRevisionIsRefusedByName() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        execute(db, "UPDATE alembic_version SET version_num = '1a2b3c4d5e6f'");

        assertThatThrownBy(() -> engine(db).upgrade("head")).isInstanceOf(AdoptionRefused.class)
                .hasMessageContaining("unknown Alembic revision '1a2b3c4d5e6f'");
        assertThat(queryStrings(db, "SELECT to_regclass('flyway_schema_history')::text")).containsOnlyNulls();
    }

    @Test
    void severalAlembicHeadsAreRefused() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        execute(db, "INSERT INTO public.alembic_version VALUES ('be5c4de9546c')");

        assertThatThrownBy(() -> engine(db).upgrade("head")).isInstanceOf(AdoptionRefused.class)
                .hasMessageContaining("2 rows [00ba29ba9ef0, be5c4de9546c]")
                .hasMessageContaining("several Alembic heads");
    }

    @Test
    void concurrentUpgradesApplyEachMigrationOnce() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        int instances = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<MigrationOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return engine(db).upgrade("head");
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<MigrationOutcome> outcome : outcomes) {
                MigrationOutcome result = outcome.get();
                assertThat(result.toVersion()).isEqualTo("11");
                applied += result.steps().size();
            }
            assertThat(applied).isEqualTo(11);
        } finally {
            pool.shutdownNow();
        }
        assertThat(queryStrings(db, "SELECT version || ':' || count(*) FROM flyway_schema_history "
                + "GROUP BY version ORDER BY version::int")).containsExactly("1:1", "2:1", "3:1", "4:1", "5:1", "6:1", "7:1", "8:1", "9:1", "10:1", "11:1");
    }

    @Test
    void historyShowsDowngradesBetweenApplications() {
        MigrationEngine engine = engine(TestPostgres.createDatabase());
        engine.upgrade("3");
        engine.downgrade("-1");

        assertThat(engine.history()).extracting(e -> e.version() + " " + e.state()).containsExactly(
                "1 APPLIED", "2 APPLIED", "3 DOWNGRADED", "3 PENDING", "4 PENDING", "5 PENDING", "6 PENDING", "7 PENDING", "8 PENDING", "9 PENDING", "10 PENDING", "11 PENDING");

        engine.upgrade("+1");
        List<HistoryEntry> history = engine.history();
        assertThat(history).extracting(e -> e.version() + " " + e.state()).containsExactly(
                "1 APPLIED", "2 APPLIED", "3 DOWNGRADED", "3 APPLIED", "4 PENDING", "5 PENDING", "6 PENDING", "7 PENDING", "8 PENDING", "9 PENDING", "10 PENDING", "11 PENDING");
        assertThat(history.get(2).script()).isEqualTo("U3__timestamptz_and_jsonb.sql");
        assertThat(history.get(3).type()).isEqualTo("SQL");
        assertThat(history.get(4).at()).isNull();
    }

    // ---- support ----

    static MigrationEngine engine(TestDatabase db) {
        return TestEngines.connect(db, MigrationSettings.defaults());
    }

    /** An engine over a folder with {@code migration/} and {@code undo/} subfolders. */
    static MigrationEngine engine(TestDatabase db, Path location) {
        return TestEngines.connect(db, MigrationSettings.defaults()
                .withLocations(List.of("filesystem:" + location.resolve("migration")),
                        "filesystem:" + location.resolve("undo")));
    }

    private Path scripts(Map<String, String> files) throws IOException {
        Files.createDirectories(temp.resolve("migration"));
        Files.createDirectories(temp.resolve("undo"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(temp.resolve(file.getKey()), file.getValue());
        }
        return temp;
    }

    static CatalogSnapshot snapshot(TestDatabase db) throws SQLException {
        return CatalogSnapshot.read(db.dataSource(), "public", CatalogSnapshot.BOOKKEEPING_TABLES);
    }

    /** The schema plain Flyway builds up to {@code version} ({@code null}: all), the reference. */
    static CatalogSnapshot snapshotOfFlywayAt(String version) throws SQLException {
        TestDatabase reference = TestPostgres.createDatabase();
        if (version == null) {
            TestFlyway.migrate(reference);
        } else {
            TestFlyway.migrate(reference, version);
        }
        return snapshot(reference);
    }

    static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static List<String> queryStrings(TestDatabase db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** What a failed non-transactional migration leaves behind (PostgreSQL rolls back the others). */
    private static void recordFailedMigration(TestDatabase db, int version, String description, String script)
            throws SQLException {
        execute(db, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (" + version + ", '" + version + "', '" + description
                + "', 'SQL', '" + script + "', 0, current_user, 0, false)");
    }
}
