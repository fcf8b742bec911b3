package io.bookingservice.bootstrap.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
    private PasswordRole role;
    private HikariDataSource pool;

    @BeforeEach
    void roleThatMustLogInWithAPassword() throws SQLException {
        // Rewrites the embedded server's pg_hba.conf; an external server is left alone.
        assumeThat(TestPostgres.isExternal()).isFalse();
        db = TestPostgres.createDatabase();
        role = PasswordRole.create(db, "first-Pass-1");
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
    void rotatedPasswordIsReReadFromTheSecretAndTheNextQuerySucceeds() throws SQLException, InterruptedException {
        stub.put("db_connection_string_dev", role.url("first-Pass-1"));
        pool = DatabasePool.open(DatabaseCredentials.fromSecret(secrets, "db_connection_string_dev"), "rotation-test", 2, null);
        assertThat(currentUser()).isEqualTo(role.name());
        awaitFullPool();
        int readsBefore = stub.calls("GetSecretValue");

        role.changePassword("second-Pass-2");
        stub.put("db_connection_string_dev", role.url("second-Pass-2"));
        // Connections opened with the old password stay open in PostgreSQL; retire them so the
        // next query needs a new login, as happens when the pool recycles connections.
        pool.getHikariPoolMXBean().softEvictConnections();

        assertThat(currentUser()).isEqualTo(role.name());
        assertThat(stub.calls("GetSecretValue")).isGreaterThan(readsBefore);
    }

    /**
     * The pool fills its second connection in the background. Were that login to finish before the
     * password change but join the pool after the eviction below, the next query would run on it
     * without a new login (seen under load), and nothing would prove the re-read.
     */
    private void awaitFullPool() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pool.getHikariPoolMXBean().getTotalConnections() < pool.getMaximumPoolSize()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pool did not open its " + pool.getMaximumPoolSize() + " connections within 30 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void rdsRotationJsonWorksAsTheSecret() throws SQLException {
        stub.put("db_connection_string_prod", "{\"engine\":\"postgres\",\"host\":\"localhost\",\"port\":" + role.port()
                + ",\"username\":\"" + role.name() + "\",\"password\":\"first-Pass-1\",\"dbname\":\"" + db.name() + "\"}");
        pool = DatabasePool.open(DatabaseCredentials.fromSecret(secrets, "db_connection_string_prod"), "rds-json-test", 1, null);

        assertThat(currentUser()).isEqualTo(role.name());
    }

    private String currentUser() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
