package io.bookingservice.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bookingservice.adapters.persistence.postgres.PostgresPool;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.secrets.DatabaseCredentials;
import io.bookingservice.bootstrap.secrets.DatabasePool;
import io.bookingservice.bootstrap.secrets.RotatingCredentialsDataSource;
import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.engine.MigrationEngine;
import io.bookingservice.migrations.engine.MigrationSettings;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Start-up migrations wait for the migration advisory lock (another instance migrating) for
 * as long as it is held; a socket timeout like the pool's would cut them off with 08006.
 */
class MigrationLockWaitIT {

    /** {@code AdvisoryLock.KEY} in the migration engine ("bookmigr"). */
    private static final long MIGRATION_LOCK = 0x626F6F6B6D696772L;

    private static final Duration TINY_SOCKET_TIMEOUT = Duration.ofSeconds(1);

    private final TestDatabase db = TestPostgres.createDatabase();

    @Test
    void migrationConnectionsHaveNoSocketTimeoutWhileThePoolKeepsIts() throws SQLException {
        try (Database database = Database.open(settings(), () -> null, 2, null, DatabasePool.Timeouts.OPERATOR);
             Connection migration = database.migrationConnections().getConnection();
             Connection pooled = database.dataSource().getConnection()) {
            assertThat(migration.getNetworkTimeout()).isZero();
            assertThat(pooled.getNetworkTimeout()).isEqualTo(30_000);
        }
    }

    @Test
    void aSocketTimeoutShorterThanTheWaitKillsTheMigration() throws SQLException {
        RotatingCredentialsDataSource timed = new RotatingCredentialsDataSource(credentials(),
                PostgresPool.driverProperties(TINY_SOCKET_TIMEOUT));
        Connection holder = holdMigrationLock();
        try {
            Throwable failure = catchThrowable(() -> engine(timed).upgrade("head"));

            assertThat(sqlState(failure)).isEqualTo("08006");
        } finally {
            holder.close();
        }
    }

    @Test
    void startUpMigrationsWaitForTheLockLongerThanASocketTimeoutWouldAllow() throws Exception {
        try (Database database = Database.open(settings(), () -> null, 2, null, DatabasePool.Timeouts.OPERATOR)) {
            CompletableFuture<Void> upgrade;
            Connection holder = holdMigrationLock();
            try {
                upgrade = CompletableFuture.runAsync(() -> database.migrations().upgrade("head"));
                Thread.sleep(TINY_SOCKET_TIMEOUT.multipliedBy(3).toMillis());
                assertThat(upgrade).as("waits while another session holds the lock").isNotDone();
            } finally {
                holder.close();
            }
            upgrade.get(60, TimeUnit.SECONDS);
            assertThat(new EngineSchemaStatus(database.schemaStatus()).state())
                    .isEqualTo(io.bookingservice.application.port.out.SchemaStatus.State.CURRENT);
        }
    }

    private Connection holdMigrationLock() throws SQLException {
        Connection holder = db.connect();
        try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, MIGRATION_LOCK);
            lock.execute();
        } catch (SQLException e) {
            holder.close();
            throw e;
        }
        return holder;
    }

    private DatabaseCredentials credentials() {
        return DatabaseCredentials.fixed(new DatabaseUrl(db.jdbcUrl(), db.user(), db.password()));
    }

    private Settings settings() {
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + encode(db.user())
                + (db.password() == null ? "" : "&password=" + encode(db.password()));
        return SettingsLoader.load(Map.of("DATABASE_URL", url), Map.of());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static MigrationEngine engine(javax.sql.DataSource dataSource) {
        return new MigrationEngine(dataSource, MigrationSettings.defaults(), null, line -> { });
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
