package io.bookingservice.migrations.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session-level PostgreSQL advisory lock held on a connection of its own for as long as
 * adoption, upgrade or downgrade runs. Flyway's own lock covers only Flyway's migrate and
 * baseline, one operation at a time; ours makes "look at the history, decide, act" one
 * critical section across processes, and also covers our downgrades, which Flyway does not
 * know about. Advisory locks are per database, so unrelated databases never wait for each other.
 */
final class AdvisoryLock implements AutoCloseable {

    /**
     * Fixed for every process of this service ("bookmigr" in ASCII). Flyway's own keys start at
     * 77431708279161 plus a hash of the table name, far away from this one.
     */
    static final long KEY = 0x626F6F6B6D696772L;

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits until the lock is free, then holds it until {@link #close()}. */
    static AdvisoryLock acquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            }
            LOG.debug("migration advisory lock {} acquired", KEY);
            return new AdvisoryLock(connection);
        } catch (SQLException e) {
            IllegalStateException failure = new IllegalStateException(
                    "cannot take the migration advisory lock: " + e.getMessage(), e);
            closeAfterFailure(connection, failure);
            throw failure;
        }
    }

    @Override
    public void close() {
        // Closing the session would release the lock too; unlocking first keeps it exact when
        // the data source is a pool that keeps the connection open.
        try (Connection c = connection; PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the migration advisory lock: " + e.getMessage(), e);
        }
    }

    private static void closeAfterFailure(Connection connection, RuntimeException failure) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
