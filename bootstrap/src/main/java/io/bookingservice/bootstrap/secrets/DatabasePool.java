package io.bookingservice.bootstrap.secrets;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.bookingservice.adapters.persistence.mybatis.PostgresConnectionSettings;
import io.bookingservice.adapters.persistence.mybatis.PostgresPool;
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

    private DatabasePool() {
    }

    /** @param meters where the pool's metrics go, or {@code null} for none */
    public static HikariDataSource open(DatabaseCredentials credentials, String name, int maximumSize,
                                        MeterRegistry meters) {
        RotatingCredentialsDataSource rotating = new RotatingCredentialsDataSource(credentials,
                PostgresPool.driverProperties(PostgresConnectionSettings.DEFAULT_SOCKET_TIMEOUT));
        HikariConfig config = PostgresPool.poolConfig(name, maximumSize,
                PostgresConnectionSettings.DEFAULT_CONNECTION_TIMEOUT);
        config.setDataSource(rotating);
        if (meters != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        HikariDataSource pool = new HikariDataSource(config);
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
