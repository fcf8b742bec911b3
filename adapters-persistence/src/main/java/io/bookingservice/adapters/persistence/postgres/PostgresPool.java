package io.bookingservice.adapters.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Properties;

/** Opens the service's HikariCP pool of pgjdbc connections. */
public final class PostgresPool {

    /** Shown in {@code pg_stat_activity.application_name} and in the pool's log lines. */
    public static final String APPLICATION_NAME = "booking-service";

    /** pgjdbc's {@code connectTimeout} unless a caller chooses another: see {@link #open}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private PostgresPool() {
    }

    /**
     * A new pool; the caller closes it at shutdown. The settings, and why:
     * <ul>
     * <li>{@code prepareThreshold=5} (pgjdbc's default, stated so that it is a choice): a
     *     statement a connection runs for the fifth time becomes a named server-side prepared
     *     statement, parsed and planned once. Every statement here is a MyBatis
     *     PreparedStatement with fixed text, so the cache hits. Set it to 0 only behind a
     *     transaction-pooling PgBouncer, which cannot keep named statements.</li>
     * <li>{@code socketTimeout}: a query whose answer never arrives (a half-open TCP
     *     connection after a failover or a dropped NAT entry) fails with SQLState 08006
     *     instead of pinning a request thread and a pooled connection forever. It must be
     *     longer than the slowest legitimate statement; ours are short keyset queries.</li>
     * <li>{@code connectTimeout} 5 s, below pgjdbc's 10 s: a database that does not answer
     *     the handshake is down for our purposes.</li>
     * <li>{@code tcpKeepAlive}: the kernel probes idle pooled connections, so dead peers are
     *     noticed even while the pool holds a connection unused.</li>
     * <li>{@code ApplicationName}: the DBA can tell our sessions apart.</li>
     * <li>Hikari {@code connectionTimeout} 5 s by default: when the pool is exhausted or the
     *     database is gone a request fails fast (503) rather than queueing for Hikari's 30 s.</li>
     * <li>{@code maximumPoolSize} 10 by default: PostgreSQL runs a process per connection, and
     *     throughput peaks at a few connections per database core; more only queue inside
     *     the server. Minimum idle equals the maximum (a fixed pool, Hikari's advice).</li>
     * <li>READ COMMITTED set explicitly, whatever the server's default is; the adapters'
     *     concurrency reasoning depends on it.</li>
     * <li>{@code initializationFailTimeout=-1}: the service starts even when the database is
     *     down; readiness reports it, and the pool connects when it comes back.</li>
     * </ul>
     */
    public static HikariDataSource open(PostgresConnectionSettings settings) {
        HikariConfig config = poolConfig("booking-db", settings.maximumPoolSize(), settings.connectionTimeout());
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setDataSourceProperties(driverProperties(settings.socketTimeout()));
        return new HikariDataSource(config);
    }

    /**
     * The Hikari half of the settings above, for callers that bring their own connection
     * source (e.g. one that re-reads rotated credentials) via {@link HikariConfig#setDataSource}.
     */
    public static HikariConfig poolConfig(String poolName, int maximumPoolSize, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setMaximumPoolSize(maximumPoolSize);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        // A dead connection is found out in 2 s rather than the connection timeout's 5 s.
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setInitializationFailTimeout(-1);
        return config;
    }

    /** The pgjdbc half of the settings above (seconds, as pgjdbc counts them). */
    public static Properties driverProperties(Duration socketTimeout) {
        return driverProperties(socketTimeout, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * As {@link #driverProperties(Duration)}, with pgjdbc's {@code connectTimeout} (the TCP
     * handshake) chosen by the caller: a request-serving pool wants it short.
     */
    public static Properties driverProperties(Duration socketTimeout, Duration connectTimeout) {
        Properties driver = new Properties();
        driver.setProperty("prepareThreshold", "5");
        driver.setProperty("socketTimeout", Long.toString(socketTimeout.toSeconds()));
        driver.setProperty("connectTimeout", Long.toString(connectTimeout.toSeconds()));
        driver.setProperty("tcpKeepAlive", "true");
        driver.setProperty("ApplicationName", APPLICATION_NAME);
        return driver;
    }
}
