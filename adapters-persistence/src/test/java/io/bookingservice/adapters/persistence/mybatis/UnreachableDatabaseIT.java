package io.bookingservice.adapters.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bookingservice.adapters.persistence.postgres.PostgresConnectionSettings;
import io.bookingservice.adapters.persistence.postgres.PostgresPool;
import io.bookingservice.application.error.StorageUnavailableException;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.user.Username;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A database nobody answers for: every port reports it as unavailable, in the application's terms. */
class UnreachableDatabaseIT {

    private static HikariDataSource pool;
    private static MyBatisPersistence persistence;

    @BeforeAll
    static void openPoolToAClosedPort() {
        // Port 1 on loopback refuses at once; the pool gives up after its (minimal) timeout.
        pool = PostgresPool.open(new PostgresConnectionSettings("jdbc:postgresql://127.0.0.1:1/booking", "booking",
                "secret", 1, Duration.ofMillis(250), Duration.ofSeconds(1)));
        persistence = MyBatisPersistence.create(pool);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void aRepositoryReadIsStorageUnavailable() {
        assertThatThrownBy(() -> persistence.bookings().findById(new BookingId(1)))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> persistence.users().findByUsername(new Username("admin")))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void startingATransactionIsStorageUnavailable() {
        assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> "never runs"))
                .isInstanceOf(StorageUnavailableException.class);
    }
}
