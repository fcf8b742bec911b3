package io.bookingservice.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.bookingservice.migrations.testing.LegacyFixture;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestFlyway;
import io.bookingservice.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Python service's database, baselined at version 2 and migrated to head: every
 * legacy row survives, and the new rules hold from then on.
 */
class LegacyAdoptionIT {

    private static TestDatabase db;
    private static MigrateResult adoption;

    @BeforeAll
    static void adoptTheLegacyDatabase() {
        db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        adoption = TestFlyway.configure(db)
                .baselineVersion("2")
                .baselineOnMigrate(true)
                // A session time zone far from UTC: legacy times must still be read as UTC.
                .callbacks(new SessionTimeZone("Pacific/Chatham"))
                .load()
                .migrate();
    }

    @Test
    void adoptionAppliesEveryLaterVersion() {
        assertThat(adoption.success).isTrue();
        assertThat(adoption.initialSchemaVersion).isEqualTo("2");
        assertThat(adoption.migrations).extracting(migration -> migration.version)
                .containsExactly("3", "4", "5", "6", "7", "8", "9", "10", "11");
    }

    @Test
    void onlyTheOverlappingAcceptedLegacyBookingsAreGrandfathered() throws SQLException {
        // Other tests add bookings; legacy ones are ids 1-5.
        assertThat(ids("SELECT id FROM booking_requests WHERE grandfathered ORDER BY id")).containsExactly(1L, 2L);
        assertThat(ids("SELECT id FROM booking_requests WHERE NOT grandfathered AND id <= 5 ORDER BY id"))
                .containsExactly(3L, 4L, 5L);
    }

    @Test
    void legacyWallClockTimesBecomeUtcInstants() throws SQLException {
        try (Connection connection = db.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT event_time FROM booking_requests WHERE id = 5");
                ResultSet row = query.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getObject(1, OffsetDateTime.class).toInstant())
                    .isEqualTo(Instant.parse("2025-02-20T10:15:00.25Z"));
        }
    }

    @Test
    void addressesBecomeJsonbKeepingNullStates() throws SQLException {
        try (Connection connection = db.connect();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT pg_typeof(address)::text,
                               address = '{"street": "Unter den Linden 77", "city": "Berlin",
                                           "state": null, "country": "Germany"}'::jsonb,
                               jsonb_typeof(address -> 'state')
                          FROM booking_requests WHERE id = 4
                        """);
                ResultSet row = query.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("jsonb");
            assertThat(row.getBoolean(2)).isTrue();
            assertThat(row.getString(3)).isEqualTo("null");
        }
    }

    @Test
    void legacyRowsHaveNoInventedAuditData() throws SQLException {
        assertThat(ids("""
                SELECT id FROM booking_requests
                 WHERE submitted_by IS NULL AND created_at IS NULL AND decided_by IS NULL
                   AND decided_at IS NULL AND version = 0 AND id <= 5 ORDER BY id
                """)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void acceptedBookingsMayNotOverlapButMayBeBackToBack() throws SQLException {
        Instant start = Instant.parse("2030-06-01T09:00:00Z");
        try (Connection connection = db.connect()) {
            insertBooking(connection, start, 60, "accepted", "Existing talk");

            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> insertBooking(connection, start.plusSeconds(59 * 60), 30, "accepted", "Overlap"))
                    .satisfies(e -> assertThat(e.getSQLState()).isEqualTo("23P01"))
                    .withMessageContaining("booking_requests_no_overlap");
            insertBooking(connection, start.plusSeconds(60 * 60), 30, "accepted", "Back to back");
            insertBooking(connection, start.plusSeconds(30 * 60), 30, "pending", "Only a request");
        }
    }

    @Test
    void checksRejectUnknownStatusAndNonPositiveDuration() throws SQLException {
        Instant start = Instant.parse("2031-01-01T09:00:00Z");
        try (Connection connection = db.connect()) {
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> insertBooking(connection, start, 30, "bogus", "Topic"))
                    .satisfies(e -> assertThat(e.getSQLState()).isEqualTo("23514"))
                    .withMessageContaining("booking_requests_status_check");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> insertBooking(connection, start, 0, "pending", "Topic"))
                    .satisfies(e -> assertThat(e.getSQLState()).isEqualTo("23514"))
                    .withMessageContaining("booking_requests_duration_minutes_check");
        }
    }

    @Test
    void checksAcceptWhatThePythonServiceCouldStore() throws SQLException {
        try (Connection connection = db.connect()) {
            insertBooking(connection, Instant.parse("2032-01-01T09:00:00Z"), 32767, "pending", "");
        }
    }

    /** Sets the time zone of every connection Flyway opens, as a misconfigured server might. */
    private record SessionTimeZone(String zone) implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_CONNECT;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute("SET TIME ZONE '" + zone + "'");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot set the session time zone to " + zone, e);
            }
        }

        @Override
        public String getCallbackName() {
            return "session time zone " + zone;
        }
    }

    private static void insertBooking(Connection connection, Instant eventTime, int minutes, String status,
            String topic) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO booking_requests (event_time, address, duration_minutes, topic, requested_by, status)
                VALUES (?, '{"street": "s", "city": "c", "state": null, "country": "Germany"}', ?, ?, ?, ?)
                """)) {
            insert.setObject(1, eventTime.atOffset(ZoneOffset.UTC));
            insert.setInt(2, minutes);
            insert.setString(3, topic);
            insert.setString(4, "someone@example.com");
            insert.setString(5, status);
            insert.executeUpdate();
        }
    }

    private static List<Long> ids(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = db.connect();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
