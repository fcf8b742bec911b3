package io.bookingservice.bootstrap.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database password rotated while the pool runs: PostgreSQL's role password changes
 * (ALTER ROLE) and so does the secret; the pool's next new connection must still succeed.
 */
class RotatingCredentialsDataSourceIT {

    private final StubSecretsManager stub = new StubSecretsManager();
    private final AwsSecretSource secrets = new AwsSecretSource(stub.client());
    private TestDatabase db;
    private String role;
    private HikariDataSource pool;

    @BeforeEach
    void roleThatMustLogInWithAPassword() throws Exception {
        // The embedded server trusts local connections; the test rewrites its pg_hba.conf so
        // that this one role needs its password. An external server is left alone.
        assumeThat(TestPostgres.isExternal()).isFalse();
        db = TestPostgres.createDatabase();
        role = "rotating_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'first-Pass-1'");
            statement.execute("GRANT ALL ON DATABASE " + db.name() + " TO " + role);
            requirePassword(statement, role);
        }
        awaitPasswordEnforced();
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
        secrets.close();
        stub.close();
    }

    @Test
    void rotatedPasswordIsReReadFromTheSecretAndTheNextQuerySucceeds() throws SQLException {
        stub.put("db_connection_string_dev", url("first-Pass-1"));
        pool = DatabasePool.open(DatabaseCredentials.fromSecret(secrets, "db_connection_string_dev"), "rotation-test", 2);
        assertThat(currentUser()).isEqualTo(role);
        int readsBefore = stub.calls("GetSecretValue");

        try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE " + role + " PASSWORD 'second-Pass-2'");
        }
        stub.put("db_connection_string_dev", url("second-Pass-2"));
        // Connections opened with the old password stay open in PostgreSQL; retire them so the
        // next query needs a new login, as happens when the pool recycles connections.
        pool.getHikariPoolMXBean().softEvictConnections();

        assertThat(currentUser()).isEqualTo(role);
        assertThat(stub.calls("GetSecretValue")).isGreaterThan(readsBefore);
    }

    @Test
    void rdsRotationJsonWorksAsTheSecret() throws SQLException {
        stub.put("db_connection_string_prod", "{\"engine\":\"postgres\",\"host\":\"localhost\",\"port\":" + port()
                + ",\"username\":\"" + role + "\",\"password\":\"first-Pass-1\",\"dbname\":\"" + db.name() + "\"}");
        pool = DatabasePool.open(DatabaseCredentials.fromSecret(secrets, "db_connection_string_prod"), "rds-json-test", 1);

        assertThat(currentUser()).isEqualTo(role);
    }

    private String currentUser() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String url(String password) {
        return "postgresql+psycopg://" + role + ":" + password + "@localhost:" + port() + "/" + db.name();
    }

    private int port() {
        return Integer.parseInt(db.jdbcUrl().replaceAll("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1"));
    }

    private static void requirePassword(Statement statement, String role) throws SQLException, IOException {
        Path hba;
        try (ResultSet rs = statement.executeQuery("SHOW hba_file")) {
            rs.next();
            hba = Path.of(rs.getString(1));
        }
        // pg_hba.conf is read top-down and the first match wins: these lines go first.
        String rules = "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role + " ::1/128 scram-sha-256\n";
        synchronized (RotatingCredentialsDataSourceIT.class) {
            Files.writeString(hba, rules + Files.readString(hba));
        }
        statement.execute("SELECT pg_reload_conf()");
    }

    /** The reload is asynchronous: wait until a wrong password is really refused. */
    private void awaitPasswordEnforced() throws InterruptedException {
        Properties wrong = new Properties();
        wrong.setProperty("user", role);
        wrong.setProperty("password", "wrong");
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Connection accepted = DriverManager.getConnection(db.jdbcUrl(), wrong)) {
                assertThat(accepted.isValid(1)).as("still trusted, before the reload").isTrue();
                Thread.sleep(50);
            } catch (SQLException e) {
                if (RotatingCredentialsDataSource.INVALID_PASSWORD.equals(e.getSQLState())) {
                    return;
                }
                throw new IllegalStateException("unexpected failure while waiting for pg_hba.conf", e);
            }
        }
        throw new IllegalStateException("PostgreSQL did not start requiring the password for " + role);
    }
}
