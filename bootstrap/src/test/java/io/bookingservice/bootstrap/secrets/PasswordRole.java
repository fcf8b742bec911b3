package io.bookingservice.bootstrap.secrets;

import io.bookingservice.migrations.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A login role on the shared test server that must give its password. The embedded server
 * trusts local connections, so this rewrites its pg_hba.conf (first match wins: the new lines
 * go first, for this role only) and waits until a wrong password is really refused.
 */
public final class PasswordRole {

    private final TestDatabase db;
    private final String name;

    private PasswordRole(TestDatabase db, String name) {
        this.db = db;
        this.name = name;
    }

    /** A superuser (so that it may run every migration) with {@code password}. */
    public static PasswordRole create(TestDatabase db, String password) throws SQLException {
        String name = "rotating_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + name + " LOGIN SUPERUSER PASSWORD '" + password + "'");
            Path hba;
            try (ResultSet rs = statement.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            String rules = "host all " + name + " 127.0.0.1/32 scram-sha-256\nhost all " + name + " ::1/128 scram-sha-256\n";
            synchronized (PasswordRole.class) {
                Files.writeString(hba, rules + Files.readString(hba));
            }
            statement.execute("SELECT pg_reload_conf()");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit pg_hba.conf", e);
        }
        PasswordRole role = new PasswordRole(db, name);
        role.awaitPasswordEnforced();
        return role;
    }

    public String name() {
        return name;
    }

    public void changePassword(String password) throws SQLException {
        try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE " + name + " PASSWORD '" + password + "'");
        }
    }

    /** A Python-service style URL for this role on {@code db}. */
    public String url(String password) {
        return "postgresql+psycopg://" + name + ":" + password + "@localhost:" + port() + "/" + db.name();
    }

    public int port() {
        return Integer.parseInt(db.jdbcUrl().replaceAll("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1"));
    }

    /** The reload is asynchronous: poll until a wrong password is refused. */
    private void awaitPasswordEnforced() {
        Properties wrong = new Properties();
        wrong.setProperty("user", name);
        wrong.setProperty("password", "wrong");
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Connection accepted = DriverManager.getConnection(db.jdbcUrl(), wrong)) {
                if (!accepted.isValid(1)) {
                    throw new IllegalStateException("a connection that is not valid");
                }
                Thread.sleep(50);
            } catch (SQLException e) {
                if (RotatingCredentialsDataSource.INVALID_PASSWORD.equals(e.getSQLState())) {
                    return;
                }
                throw new IllegalStateException("unexpected failure while waiting for pg_hba.conf", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("PostgreSQL did not start requiring the password for " + name);
    }
}
