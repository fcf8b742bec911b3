package io.bookingservice.migrations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An instance that meets another's migration waits for the migration lock, but not forever:
 * the start fails with a message naming the lock instead of never becoming ready.
 */
class AdvisoryLockIT {

    private final TestDatabase db = TestPostgres.createDatabase();

    @Test
    @SuppressWarnings("try") // the lock is held by the try block, never referenced in it
    void aFreeLockIsTakenAtOnceAndReleasedOnClose() throws SQLException {
        try (AdvisoryLock lock = AdvisoryLock.acquire(db.dataSource(), Duration.ofSeconds(1));
             Connection other = db.connect()) {
            assertThat(tryLock(other)).as("held by the first session").isFalse();
        }
        try (Connection other = db.connect()) {
            assertThat(tryLock(other)).as("released").isTrue();
        }
    }

    @Test
    void waitingForALockThatIsNeverReleasedGivesUpAfterTheBoundNamingTheLock() throws SQLException {
        try (Connection holder = db.connect()) {
            assertThat(tryLock(holder)).isTrue();

            assertThatThrownBy(() -> AdvisoryLock.acquire(db.dataSource(), Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("gave up after 1 s waiting for the migration lock " + AdvisoryLock.KEY);
        }
    }

    @Test
    void theDefaultWaitIsBoundedButLongerThanAnyMigrationThisServiceShips() {
        assertThat(AdvisoryLock.MAXIMUM_WAIT).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, AdvisoryLock.KEY);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
