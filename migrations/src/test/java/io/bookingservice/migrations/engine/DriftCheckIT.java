package io.bookingservice.migrations.engine;

import static io.bookingservice.migrations.engine.MigrationEngineIT.engine;
import static io.bookingservice.migrations.engine.MigrationEngineIT.execute;
import static io.bookingservice.migrations.engine.MigrationEngineIT.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.migrations.testing.LegacyFixture;
import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestEngines;
import io.bookingservice.migrations.testing.TestPostgres;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DriftCheckIT {

    @Test
    void aDatabaseBuiltByTheMigrationsHasNoDriftAndTheScratchDatabaseIsDropped() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("4");

        DriftReport report = engine.check();

        assertThat(report.differences()).isEmpty();
        assertThat(report.hasDrift()).isFalse();
        assertThat(report.version()).isEqualTo("4");
        assertThat(report.scratch()).startsWith("temporary database booking_check_").endsWith("on the same server");
        assertThat(queryStrings(db, "SELECT count(*) FROM pg_database WHERE datname LIKE 'booking_check_%'"))
                .containsExactly("0");
    }

    @Test
    void anAdoptedLegacyDatabaseHasNoDrift() {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        MigrationEngine engine = engine(db);
        engine.upgrade("head");

        assertThat(engine.check().differences()).isEmpty();
    }

    @Test
    void reportsAnAddedColumnAndAChangedTypeByName() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("head");
        execute(db, "ALTER TABLE booking_requests ADD COLUMN notes text, ALTER COLUMN topic TYPE text");

        DriftReport report = engine.check();

        assertThat(report.hasDrift()).isTrue();
        assertThat(report.differences()).containsExactlyInAnyOrder(
                "column booking_requests.notes unexpected in live",
                "column booking_requests.topic: type character varying ≠ text");
    }

    @Test
    void reportsADroppedIndexByName() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("head");
        execute(db, "DROP INDEX ix_booking_requests_submitted_by_id");

        assertThat(engine.check().differences())
                .containsExactly("index ix_booking_requests_submitted_by_id missing in live");
    }

    @Test
    void knowsTheThrottleTable() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("head");
        assertThat(engine.check().differences()).isEmpty();

        execute(db, "ALTER TABLE throttle_buckets ALTER COLUMN id TYPE text");
        execute(db, "DROP INDEX ix_throttle_buckets_expires_at");

        assertThat(engine.check().differences()).containsExactly(
                "column throttle_buckets.id: type character varying(64) ≠ text",
                "index ix_throttle_buckets_expires_at missing in live");
    }

    @Test
    void knowsTheEventTimeOrderIndexOfV9() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("head");
        execute(db, "DROP INDEX ix_booking_requests_event_time_id");
        execute(db, "CREATE INDEX ix_booking_requests_event_time_id ON booking_requests (event_time)");

        assertThat(engine.check().differences()).singleElement().asString()
                .startsWith("index ix_booking_requests_event_time_id");
    }

    @Test
    void knowsTheFilteredPagesIndexOfV10() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("head");
        execute(db, "DROP INDEX ix_booking_requests_status_id_event_time");

        assertThat(engine.check().differences())
                .containsExactly("index ix_booking_requests_status_id_event_time missing in live");
    }

    @Test
    void knowsThePartialIndexesOfV11AndTheirPredicates() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("head");
        execute(db, "DROP INDEX ix_booking_requests_cancelled_id_event_time");
        execute(db, "DROP INDEX ix_booking_requests_pending_id_event_time");
        execute(db, "CREATE INDEX ix_booking_requests_pending_id_event_time ON booking_requests (id, event_time)"
                + " WHERE status = 'accepted'");

        assertThat(engine.check().differences()).hasSize(2)
                .contains("index ix_booking_requests_cancelled_id_event_time missing in live")
                .anySatisfy(difference -> assertThat(difference).startsWith("index ix_booking_requests_pending_id_event_time"));
    }

    @Test
    void aSessionTableLoosenedByHandIsDrift() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        MigrationEngine engine = engine(db);
        engine.upgrade("head");
        execute(db, "ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_token_hash_check");

        assertThat(engine.check().differences()).singleElement().asString().contains("refresh_tokens_token_hash_check");
    }

    @Test
    void fallsBackToAnEmbeddedServerWhenTheRoleMayNotCreateDatabases() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        engine(db).upgrade("head");
        execute(db, "DROP INDEX ix_idempotency_keys_created_at");
        String role = "drift_reader_" + UUID.randomUUID().toString().replace("-", "");
        execute(db, "CREATE ROLE " + role + " LOGIN NOCREATEDB PASSWORD 'reader'");
        execute(db, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);

        DriftReport report = TestEngines.connect(new DatabaseUrl(db.jdbcUrl(), role, "reader"), MigrationSettings.defaults())
                .check();

        assertThat(report.scratch()).startsWith("embedded PostgreSQL");
        assertThat(report.differences()).containsExactly("index ix_idempotency_keys_created_at missing in live");
    }
}
