package io.bookingservice.migrations.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

    /**
     * How long a process waits for another's migrations before it gives up and fails its start.
     * Long enough for any migration this service ships (seconds) and for a data migration on a
     * large table; short enough that an instance stuck behind a forgotten session holding the
     * lock fails visibly instead of never becoming ready.
     */
    static final Duration MAXIMUM_WAIT = Duration.ofMinutes(5);

    /** PostgreSQL's lock_not_available, raised when {@code lock_timeout} runs out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** Waits (at most {@link #MAXIMUM_WAIT}) until the lock is free, then holds it until {@link #close()}. */
    static AdvisoryLock acquire(DataSource dataSource) {
        return acquire(dataSource, MAXIMUM_WAIT);
    }

    /**
     * Takes the lock at once when it is free; otherwise logs that another process is migrating
     * and waits for it, at most {@code maximumWait}, then holds the lock until {@link #close()}.
     *
     * @throws IllegalStateException when the wait runs out (the start fails, naming the lock)
     */
    static AdvisoryLock acquire(DataSource dataSource, Duration maximumWait) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (!tryLock(connection)) {
                LOG.info("another process is migrating this database (it holds the migration lock {}); waiting for it, at most {} s",
                        KEY, maximumWait.toSeconds());
                long start = System.nanoTime();
                waitForLock(connection, maximumWait);
                LOG.info("migration lock acquired after waiting {} ms", (System.nanoTime() - start) / 1_000_000);
            }
            LOG.debug("migration advisory lock {} acquired", KEY);
            return new AdvisoryLock(connection);
        } catch (SQLException e) {
            IllegalStateException failure = LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                    ? new IllegalStateException("gave up after " + maximumWait.toSeconds() + " s waiting for the migration lock "
                            + KEY + ": another process is still migrating, or a session holds the lock (see pg_locks)", e)
                    : new IllegalStateException("cannot take the migration advisory lock: " + e.getMessage(), e);
            closeAfterFailure(connection, failure);
            throw failure;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, KEY);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /**
     * {@code lock_timeout} bounds advisory-lock waits too; it is reset for whatever the session
     * does next. (A failed wait closes the connection, so its reset would only hide the failure.)
     */
    private static void waitForLock(Connection connection, Duration maximumWait) throws SQLException {
        try (Statement session = connection.createStatement()) {
            session.execute("SET lock_timeout = " + Math.max(1, maximumWait.toMillis()));
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            }
            session.execute("RESET lock_timeout");
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
