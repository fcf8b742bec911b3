package io.bookingservice.bootstrap.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bookingservice.adapters.persistence.postgres.PostgresPool;
import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.adapters.web.security.PasswordChangeSettings;
import io.bookingservice.adapters.web.security.ThrottleUnavailableException;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestFlyway;
import io.bookingservice.migrations.testing.TestPostgres;
import io.github.bucket4j.TimeMeter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresThrottleStoreIT {

    private static LoginThrottle throttleOver(PostgresThrottleStore store) {
        return new LoginThrottle(LoginThrottleSettings.DEFAULT, PasswordChangeSettings.defaults(2), store.buckets(),
                TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** On this shared test machine opening a connection or a call may take longer than in production. */
    private static final Duration PATIENT = Duration.ofSeconds(5);

    private static HikariDataSource pool(String jdbcUrl, String user, String password) {
        return pool(jdbcUrl, user, password, PostgresThrottleStore.CONNECTION_TIMEOUT);
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password, Duration connectionTimeout) {
        HikariConfig config = PostgresPool.poolConfig("throttle-test", PostgresThrottleStore.CONNECTIONS, connectionTimeout);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /** Opens the pool's connections before the first call, as the service's fixed pool does while it starts. */
    private static HikariDataSource warm(HikariDataSource pool) throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < PostgresThrottleStore.CONNECTIONS; i++) {
                opened.add(pool.getConnection());
            }
        } finally {
            for (Connection connection : opened) {
                connection.close();
            }
        }
        return pool;
    }

    @Test
    void aRefusedConnectionRefusesTheLoginAttempt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (PostgresThrottleStore store = PostgresThrottleStore.over(
                pool("jdbc:postgresql://127.0.0.1:" + closedPort + "/booking", "booking", "secret"))) {
            LoginThrottle throttle = throttleOver(store);

            assertThatThrownBy(() -> throttle.tryAcquire("admin", "192.0.2.1")).isInstanceOf(ThrottleUnavailableException.class);
        }
    }

    @Test
    void aBlackHoledDatabaseRefusesTheLoginAttemptInsteadOfHanging() throws IOException {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!blackHole.isClosed()) {
                        held.add(blackHole.accept());
                    }
                } catch (IOException e) {
                    // The server socket was closed at the end of the test.
                }
            }, "black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
            try (PostgresThrottleStore store = PostgresThrottleStore.over(
                    pool("jdbc:postgresql://127.0.0.1:" + blackHole.getLocalPort() + "/booking", "booking", "secret"))) {
                LoginThrottle throttle = throttleOver(store);

                for (int i = 0; i < 3; i++) {
                    assertThatThrownBy(() -> throttle.tryAcquire("admin", "192.0.2.1"))
                            .isInstanceOf(ThrottleUnavailableException.class);
                }
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void bucketsAreSharedAndExpiredRowsArePurged() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        TestFlyway.configure(db).load().migrate();
        try (PostgresThrottleStore one = PostgresThrottleStore.over(warm(pool(db.jdbcUrl(), db.user(), db.password(), PATIENT)), PATIENT);
             PostgresThrottleStore other = PostgresThrottleStore.over(warm(pool(db.jdbcUrl(), db.user(), db.password(), PATIENT)), PATIENT)) {
            LoginThrottle first = throttleOver(one);
            LoginThrottle second = throttleOver(other);
            for (int i = 0; i < 5; i++) {
                assertThat((i % 2 == 0 ? first : second).tryAcquire("admin", "192.0.2.1").allowed()).isTrue();
            }
            assertThat(second.tryAcquire("admin", "192.0.2.1").allowed()).as("five fleet-wide").isFalse();
            assertThat(first.tryAcquire("admin", "192.0.2.2").allowed()).as("another address").isTrue();
            assertThat(count(db, "SELECT count(*) FROM throttle_buckets")).as("two addresses, two pairs").isEqualTo(4);
            assertThat(count(db, "SELECT count(*) FROM throttle_buckets WHERE id LIKE '%admin%' OR id LIKE '%192.0.2%'"))
                    .as("keys are digests, never the username or the address").isZero();

            execute(db, "UPDATE throttle_buckets SET expires_at = 0 WHERE id LIKE 'login-address:%'");

            assertThat(one.removeExpired()).isEqualTo(2);
            assertThat(other.removeExpired()).as("idempotent").isZero();
            assertThat(count(db, "SELECT count(*) FROM throttle_buckets WHERE id LIKE 'login-pair:%'")).isEqualTo(2);
            assertThat(one.purgeTask().period()).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void warmingUpOpensAConnectionFirstAndGivesUpQuietlyWhenThereIsNone() throws IOException {
        TestDatabase db = TestPostgres.createDatabase();
        TestFlyway.configure(db).load().migrate();
        HikariDataSource connections = pool(db.jdbcUrl(), db.user(), db.password(), PATIENT);
        try (PostgresThrottleStore store = PostgresThrottleStore.over(connections, PATIENT)) {
            assertThat(connections.getHikariPoolMXBean().getTotalConnections()).as("none opened yet").isZero();

            store.warmUp(PATIENT);

            assertThat(connections.getHikariPoolMXBean().getTotalConnections()).isPositive();
            assertThat(throttleOver(store).tryAcquire("admin", "192.0.2.1").allowed()).isTrue();
        }

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (PostgresThrottleStore nowhere = PostgresThrottleStore.over(
                pool("jdbc:postgresql://127.0.0.1:" + closedPort + "/booking", "booking", "secret"))) {
            nowhere.warmUp(Duration.ofMillis(600));
            assertThatThrownBy(() -> throttleOver(nowhere).tryAcquire("admin", "192.0.2.1"))
                    .isInstanceOf(ThrottleUnavailableException.class);
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
