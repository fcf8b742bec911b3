package io.bookingservice.bootstrap.secrets;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.bookingservice.adapters.persistence.postgres.PostgresConnectionSettings;
import io.bookingservice.adapters.persistence.postgres.PostgresPool;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The service's HikariCP pool over a {@link RotatingCredentialsDataSource}: the MyBatis
 * adapter's {@link PostgresPool} settings (see its reasons there), with credentials read per
 * connection from a rotatable source, and the pool's gauges (active, idle, pending, timeouts)
 * published to the meter registry for {@code /metrics}.
 */
public final class DatabasePool {

    /**
     * How long the pool's connection thread keeps trying one connection every 100 ms while the
     * database is unreachable, before Hikari's own growing pause takes over (PatientConnections).
     */
    static final Duration RECONNECT_PATIENCE = Duration.ofSeconds(30);

    private DatabasePool() {
    }

    /**
     * How long a caller of the pool may wait, by who the caller is.
     *
     * @param connection Hikari's {@code connectionTimeout}: the wait for a pooled connection
     * @param socket     pgjdbc's {@code socketTimeout}: the wait for the server's answer to a statement
     * @param connect    pgjdbc's {@code connectTimeout}: the TCP handshake of a new connection
     * @param validation Hikari's {@code validationTimeout}: the liveness check of an idle connection
     */
    public record Timeouts(Duration connection, Duration socket, Duration connect, Duration validation) {

        /**
         * The HTTP service's pool: during a database outage a request waits at most about
         * {@code connection + socket} = 3 s before its 503, whether the database refuses
         * connections (the wait is Hikari's 1 s) or a connection is black-holed (a statement
         * already sent waits for the 2 s socket timeout, which fails it with 08006). The
         * statements on this path are short keyset queries and single-row writes, far below 2 s.
         */
        public static final Timeouts REQUESTS = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofMillis(500));

        /** Operator commands: they can wait longer than a request should, and nobody is retrying them. */
        public static final Timeouts OPERATOR = new Timeouts(PostgresConnectionSettings.DEFAULT_CONNECTION_TIMEOUT,
                PostgresConnectionSettings.DEFAULT_SOCKET_TIMEOUT, PostgresPool.DEFAULT_CONNECT_TIMEOUT,
                Duration.ofSeconds(2));
    }

    /** The pool with the {@link Timeouts#OPERATOR operator's} timeouts. */
    public static HikariDataSource open(DatabaseCredentials credentials, String name, int maximumSize,
                                        MeterRegistry meters) {
        return open(credentials, name, maximumSize, meters, Timeouts.OPERATOR);
    }

    /** @param meters where the pool's metrics go, or {@code null} for none */
    public static HikariDataSource open(DatabaseCredentials credentials, String name, int maximumSize,
                                        MeterRegistry meters, Timeouts timeouts) {
        RotatingCredentialsDataSource rotating = new RotatingCredentialsDataSource(credentials,
                PostgresPool.driverProperties(timeouts.socket(), timeouts.connect()));
        HikariConfig config = PostgresPool.poolConfig(name, maximumSize, timeouts.connection());
        // Hikari needs it below the connection timeout, or it quietly uses the connection timeout.
        config.setValidationTimeout(timeouts.validation().toMillis());
        // Reconnect soon after an outage: see PatientConnections.
        PatientConnections patient = new PatientConnections(rotating, RECONNECT_PATIENCE);
        config.setDataSource(patient);
        if (meters != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        HikariDataSource pool = new HikariDataSource(config) {
            @Override
            public void close() {
                patient.close();
                super.close();
            }
        };
        // Connections opened with the old password still work until they are closed; retire
        // them gently so the whole pool runs on the current credentials.
        rotating.afterRotation(() -> pool.getHikariPoolMXBean().softEvictConnections());
        return pool;
    }

    /**
     * A small pool of its own for short statements that must never wait long (the throttle's
     * buckets): the same credentials and driver settings as {@link #open}, plus a server-side
     * {@code statement_timeout} and {@code lock_timeout} on every connection, no metrics.
     *
     * @param connectionTimeout how long a caller waits for a free connection (Hikari: at least 250 ms)
     * @param statementTimeout  how long one statement, or its wait for a row lock, may take
     */
    public static HikariDataSource openBounded(DatabaseCredentials credentials, String name, int maximumSize,
                                               Duration connectionTimeout, Duration statementTimeout) {
        Properties driver = PostgresPool.driverProperties(PostgresConnectionSettings.DEFAULT_SOCKET_TIMEOUT);
        driver.setProperty("options", "-c statement_timeout=" + statementTimeout.toMillis()
                + " -c lock_timeout=" + statementTimeout.toMillis());
        RotatingCredentialsDataSource rotating = new RotatingCredentialsDataSource(credentials, driver);
        HikariConfig config = PostgresPool.poolConfig(name, maximumSize, connectionTimeout);
        config.setDataSource(rotating);
        // A fixed, warm pool (Hikari fills it in the background from the start): opening a
        // connection (fork, authentication) can take longer than a whole call's budget.
        HikariDataSource pool = new HikariDataSource(config);
        rotating.afterRotation(() -> pool.getHikariPoolMXBean().softEvictConnections());
        return pool;
    }

    /**
     * Unpooled connections over the same credentials and driver settings as {@link #open},
     * except that there is no {@code socketTimeout} (pgjdbc: 0 = none): for the migration
     * engine. {@code pg_advisory_lock} and DDL queued behind a table lock send nothing back
     * while they wait, and the pool's 30 s would kill the connection (08006) so that an
     * instance crash-loops instead of waiting for a pg_dump, a report or another instance's
     * migration to finish. Options given in the database URL still override this.
     */
    public static DataSource forMigrations(DatabaseCredentials credentials) {
        return new RotatingCredentialsDataSource(credentials, PostgresPool.driverProperties(Duration.ZERO));
    }
}
