package io.bookingservice.adapters.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Range-filtered list queries never become server-side prepared statements (whose generic plan
 * cannot know how many bookings a range holds); other statements still do after five uses.
 * One pooled connection, so the statements seen are the ones the adapter's queries left on it.
 */
class CustomPlansIT {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private PostgresFixture db;
    private BookingRepository bookings;

    @BeforeEach
    void start() {
        db = PostgresFixture.migrated(1);
        bookings = db.persistence.bookings();
        User admin = db.createUser("admin", Role.ADMIN);
        for (int i = 0; i < 30; i++) {
            bookings.insert(PostgresFixture.pending(admin, NOW.plusSeconds(3600L * i), 30, NOW));
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rangeFilteredListsArePlannedWithTheirValuesEveryTime() throws SQLException {
        BookingQuery range = new BookingQuery(Set.of(BookingStatus.PENDING), NOW, NOW.plusSeconds(3600L * 20), null);
        for (int i = 0; i < 10; i++) {
            assertThat(bookings.list(range, null, 6)).hasSize(6);
            assertThat(bookings.listByEventTime(range, null, 6)).hasSize(6);
            assertThat(bookings.list(BookingQuery.all(), null, 6)).hasSize(6);
        }

        assertThat(namedStatements("%page_ids%")).isZero();
        assertThat(namedStatements("%event_time IS NULL%")).isZero();
        assertThat(namedStatements("%FROM booking_requests%ORDER BY id%LIMIT%")).isEqualTo(1);
    }

    /** Server-side prepared statements on the pool's only connection whose text is like {@code pattern}. */
    private long namedStatements(String pattern) throws SQLException {
        try (Connection connection = db.pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '" + pattern + "'")) {
            result.next();
            return result.getLong(1);
        }
    }
}
