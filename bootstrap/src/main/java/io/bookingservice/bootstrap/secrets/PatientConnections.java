package io.bookingservice.bootstrap.secrets;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the request pool opens its connections: while the database cannot be reached, an attempt
 * to connect is repeated every {@link #PACE} (for at most a patience) instead of failing at once.
 *
 * <p>Why: HikariCP opens connections on one background thread that pauses between failed
 * attempts, the pause doubling from 10 ms up to 5 s. After a 5 s outage the pool reconnected
 * 3.4–4.7 s after PostgreSQL was back ({@code bench/cluster/run}, PostgreSQL restart), because
 * its thread was asleep. Failing slowly here keeps that thread trying every 100 ms instead, so
 * the first request succeeds soon after the database is back; requests themselves still give up
 * after the pool's own 1 s connection timeout and answer 503. Hikari has no setting for its pause.
 *
 * <p>Only "cannot reach it" failures are repeated (SQLState class 08, 57P01–57P03: shut down,
 * crashed, starting up); a refused password or anything else is thrown at once (the credentials'
 * re-read depends on it). {@link #close()} ends the waiting (the pool is closing).
 */
final class PatientConnections implements DataSource, AutoCloseable {

    static final Duration PACE = Duration.ofMillis(100);
    private static final Set<String> NOT_NOW = Set.of("57P01", "57P02", "57P03");

    private final DataSource connections;
    private final Duration patience;
    private volatile boolean closed;

    PatientConnections(DataSource connections, Duration patience) {
        this.connections = connections;
        this.patience = patience;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return connections.getConnection();
            } catch (SQLException e) {
                if (closed || !unreachable(e) || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                try {
                    Thread.sleep(PACE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || NOT_NOW.contains(state));
    }

    /** From now on a failed attempt is thrown at once. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connections.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return connections.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        connections.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        connections.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return connections.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return connections.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : connections.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || connections.isWrapperFor(type);
    }
}
