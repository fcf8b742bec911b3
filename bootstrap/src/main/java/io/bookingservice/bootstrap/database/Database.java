package io.bookingservice.bootstrap.database;

import com.zaxxer.hikari.HikariDataSource;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.secrets.DatabaseCredentials;
import io.bookingservice.bootstrap.secrets.DatabasePool;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.migrations.engine.MigrationEngine;
import io.bookingservice.migrations.engine.MigrationSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the settings point at, opened: DATABASE_URL if set; else for dev/prod the
 * secret {@code db_connection_string_{ENV}} (re-read when the password rotates); else, in
 * local mode, the embedded PostgreSQL in the data directory. Closing it closes the pool,
 * then the embedded server.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedDatabase embedded;
    private final DatabaseCredentials credentials;
    private final HikariDataSource pool;
    private final DataSource migrationConnections;
    private final MigrationEngine migrations;
    private final MigrationEngine schemaStatus;

    private Database(EmbeddedDatabase embedded, DatabaseCredentials credentials, HikariDataSource pool,
                     MigrationSettings scripts) {
        this.embedded = embedded;
        this.credentials = credentials;
        this.pool = pool;
        // Migrations do not go through the pool: its socketTimeout would cut the connection
        // while the engine waits for the advisory lock or DDL waits for a table lock (nothing
        // comes back meanwhile), so instances would crash-loop instead of taking turns. They
        // get unpooled connections without a socket timeout (see DatabasePool.forMigrations).
        // No scratch-database factory: the service only upgrades; drift checks are `booking migrate check`.
        this.migrationConnections = DatabasePool.forMigrations(credentials);
        this.migrations = new MigrationEngine(migrationConnections, scripts, null,
                line -> LOG.info("{}", line));
        // Readiness only reads the history table: short queries, so the pool and its timeout suit it.
        this.schemaStatus = new MigrationEngine(pool, scripts, null, line -> LOG.info("{}", line));
    }

    /**
     * @param secrets  only asked for in dev/prod without DATABASE_URL
     * @param poolSize connections the pool may hold
     * @param meters   where the pool publishes its metrics, or {@code null} (operator commands)
     * @param timeouts the pool's: {@link DatabasePool.Timeouts#REQUESTS} for the HTTP service,
     *                 {@link DatabasePool.Timeouts#OPERATOR} for operator commands; migrations keep
     *                 their own connections either way
     */
    public static Database open(Settings settings, Supplier<SecretSource> secrets, int poolSize, MeterRegistry meters,
                                DatabasePool.Timeouts timeouts) {
        DatabaseLocation location = DatabaseLocation.of(settings);
        if (location instanceof DatabaseLocation.Embedded embedded) {
            EmbeddedDatabase server = EmbeddedDatabase.start(embedded.dataDirectory());
            try {
                DatabaseCredentials credentials = DatabaseCredentials.fixed(server.url());
                return new Database(server, credentials, DatabasePool.open(credentials, "booking-db", poolSize, meters, timeouts),
                settings.migrationScripts());
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
        DatabaseCredentials credentials;
        if (location instanceof DatabaseLocation.Secret secret) {
            LOG.info("database URL from Secrets Manager secret {}", secret.name());
            credentials = DatabaseCredentials.fromSecret(secrets.get(), secret.name());
        } else {
            credentials = DatabaseCredentials.fixed(((DatabaseLocation.Configured) location).url());
        }
        LOG.info("database {}", credentials.current().jdbcUrl());
        return new Database(null, credentials, DatabasePool.open(credentials, "booking-db", poolSize, meters, timeouts),
                settings.migrationScripts());
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * The migration engine over this database (upgrade adopts an Alembic database first), on
     * connections of its own without a socket timeout, so it can wait for locks.
     */
    public MigrationEngine migrations() {
        return migrations;
    }

    /** The migration engine over the pool, for the readiness check's short reads of the history. */
    public MigrationEngine schemaStatus() {
        return schemaStatus;
    }

    /**
     * A new pool of at most {@code maximumSize} connections to this database, apart from the
     * request pool, whose statements are cut by the server after {@code statementTimeout}
     * (see {@link DatabasePool#openBounded}); the caller closes it before this database.
     */
    public HikariDataSource openBoundedPool(String name, int maximumSize, Duration connectionTimeout,
                                            Duration statementTimeout) {
        return DatabasePool.openBounded(credentials, name, maximumSize, connectionTimeout, statementTimeout);
    }

    /** Where {@link #migrations()} gets its connections (tests check their timeout). */
    DataSource migrationConnections() {
        return migrationConnections;
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
