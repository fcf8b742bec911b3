package io.bookingservice.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.migrations.catalog.CatalogSnapshot;
import io.bookingservice.migrations.catalog.CatalogSnapshot.Sequence;
import io.bookingservice.migrations.testing.LegacyFixture;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestFlyway;
import io.bookingservice.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** V1–V2 must build exactly the schema Alembic built, or adopting legacy databases is unsound. */
class LegacySchemaIT {

    @Test
    void versionsOneAndTwoBuildTheAlembicSchema() throws SQLException {
        TestDatabase migrated = TestPostgres.createDatabase();
        TestFlyway.migrate(migrated, "2");
        TestDatabase legacy = TestPostgres.createDatabase();
        LegacyFixture.loadInto(legacy);

        CatalogSnapshot alembic = snapshot(legacy);
        CatalogSnapshot flyway = snapshot(migrated);

        assertThat(alembic.diff(flyway)).isEmpty();
        assertThat(flyway).isEqualTo(alembic);
        // Guards against two empty (or wrongly read) schemas comparing equal.
        assertThat(alembic.tables()).containsOnlyKeys("booking_requests", "users");
        assertThat(alembic.indexes()).containsOnlyKeys(
                "booking_requests_pkey", "ix_booking_requests_id", "users_pkey", "ix_users_id", "ix_users_username");
        assertThat(alembic.sequences().get("booking_requests_id_seq")).isEqualTo(new Sequence(
                "booking_requests_id_seq", "integer", 1, 1, 1, Integer.MAX_VALUE, 1, false, "booking_requests.id"));
    }

    @Test
    void theComparisonNamesWhatDiffers() throws SQLException {
        TestDatabase migrated = TestPostgres.createDatabase();
        TestFlyway.migrate(migrated, "2");
        TestDatabase altered = TestPostgres.createDatabase();
        LegacyFixture.loadInto(altered);
        try (Connection connection = altered.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE booking_requests ALTER COLUMN topic TYPE text");
            statement.execute("DROP INDEX ix_users_id");
        }

        assertThat(snapshot(migrated).diff(snapshot(altered))).containsExactly(
                "column booking_requests.topic: type character varying ≠ text",
                "index ix_users_id missing in live");
    }

    private static CatalogSnapshot snapshot(TestDatabase db) throws SQLException {
        return CatalogSnapshot.read(db.dataSource(), "public", CatalogSnapshot.BOOKKEEPING_TABLES);
    }
}
