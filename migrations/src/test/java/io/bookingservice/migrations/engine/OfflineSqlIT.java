package io.bookingservice.migrations.engine;

import static io.bookingservice.migrations.engine.MigrationEngineIT.engine;
import static io.bookingservice.migrations.engine.MigrationEngineIT.snapshot;
import static io.bookingservice.migrations.engine.MigrationEngineIT.snapshotOfFlywayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.migrations.engine.MigrationRefusedException.InvalidTarget;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestFlyway;
import io.bookingservice.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;

/** Offline SQL, applied by hand as a DBA would, leaves a database Flyway and the engine accept. */
class OfflineSqlIT {

    private final MigrationScripts scripts = new MigrationScripts(MigrationSettings.defaults());

    @Test
    void ourChecksumsAreFlywaysChecksums() {
        Map<String, MigrationScript> ours = ScriptLocations.read(MigrationSettings.defaults().locations(), 'V');
        MigrationInfo[] flyways = TestFlyway.configure(TestPostgres.createDatabase()).load().info().all();

        assertThat(flyways).hasSize(ours.size());
        for (MigrationInfo migration : flyways) {
            MigrationScript script = ours.get(migration.getVersion().getVersion());
            assertThat(script.checksum()).as(script.fileName()).isEqualTo(migration.getChecksum());
            assertThat(script.description()).isEqualTo(migration.getDescription());
        }
    }

    @Test
    void upgradeSqlAppliedByHandPassesFlywayValidation() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();

        runAsDba(db, scripts.upgradeSql("base", "head"));

        ValidateResult validation = TestFlyway.configure(db).load().validateWithResult();
        assertThat(validation.validationSuccessful).as(String.valueOf(validation.invalidMigrations)).isTrue();
        assertThat(engine(db).current()).contains("11");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt(null))).isEmpty();
        assertThat(engine(db).upgrade("head").steps()).isEmpty();
    }

    @Test
    void upgradeSqlContinuesFromAVersionTheEngineApplied() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        engine(db).upgrade("2");

        String sql = scripts.upgradeSql("2", "+2");
        runAsDba(db, sql);

        assertThat(sql).doesNotContain("CREATE TABLE IF NOT EXISTS \"public\".\"flyway_schema_history\"")
                .contains("-- V3 timestamptz and jsonb").contains("-- V4 ").doesNotContain("-- V5 ");
        assertThat(engine(db).current()).contains("4");
        assertThat(TestFlyway.configure(db).target("4").load().validateWithResult().validationSuccessful).isTrue();
        assertThat(engine(db).upgrade("head").steps()).hasSize(7);
    }

    @Test
    void downgradeSqlAppliedByHandPassesFlywayValidation() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        engine(db).upgrade("head");

        runAsDba(db, scripts.downgradeSql("head", "2"));

        // V3-V11 are pending again: valid, not an error.
        assertThat(TestFlyway.configure(db).ignoreMigrationPatterns("*:pending").load().validateWithResult()
                .validationSuccessful).isTrue();
        assertThat(engine(db).current()).contains("2");
        assertThat(snapshot(db).diff(snapshotOfFlywayAt("2"))).isEmpty();
        assertThat(engine(db).history()).filteredOn(e -> e.state() == HistoryEntry.State.DOWNGRADED)
                .extracting(HistoryEntry::version).containsExactly("11", "10", "9", "8", "7", "6", "5", "4", "3");

        runAsDba(db, scripts.downgradeSql("2", "base"));
        assertThat(engine(db).current()).isEmpty();
        assertThat(snapshot(db).tables()).isEmpty();
    }

    @Test
    void downgradeSqlRefusesToRunOnADatabaseNotAtThatVersion() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        engine(db).upgrade("2");

        assertThatThrownBy(() -> runAsDba(db, scripts.downgradeSql("7", "-1")))
                .isInstanceOf(SQLException.class).hasMessageContaining("V7 is not applied");
        assertThat(engine(db).current()).contains("2");
    }

    @Test
    void impossibleRangesAreRefused() {
        assertThatThrownBy(() -> scripts.upgradeSql("11", "head")).isInstanceOf(InvalidTarget.class);
        assertThatThrownBy(() -> scripts.upgradeSql("4", "+8")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("only 7 migration(s) above it");
        assertThatThrownBy(() -> scripts.downgradeSql("2", "-3")).isInstanceOf(InvalidTarget.class);
        assertThatThrownBy(() -> scripts.downgradeSql("12", "base")).isInstanceOf(InvalidTarget.class)
                .hasMessageContaining("no migration V12");
    }

    /**
     * Runs a whole script over the simple query protocol, as psql sends a file's statements:
     * BEGIN/COMMIT in the script delimit the transactions; the first error stops the rest.
     */
    private static void runAsDba(TestDatabase db, String sql) throws SQLException {
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "preferQueryMode=simple";
        try (Connection connection = DriverManager.getConnection(url, db.user(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
