package io.bookingservice.bootstrap.secrets;

import io.bookingservice.migrations.config.DatabaseUrl;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * An unpooled PostgreSQL {@link DataSource} that reads the credentials for every new
 * connection, and when the server answers 28P01 (invalid password: the secret was rotated)
 * re-reads them once and retries.
 *
 * <p>It sits <em>under</em> HikariCP ({@code HikariConfig.setDataSource}) because Hikari
 * opens connections in its own filling thread: a request never sees the 28P01, so recovery
 * has to happen where the connection is made. {@code afterRotation} lets the pool evict
 * the connections it opened with the old password.
 */
public final class RotatingCredentialsDataSource implements DataSource {

    static final String INVALID_PASSWORD = "28P01";

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RotatingCredentialsDataSource.class);

    private final DatabaseCredentials credentials;
    private final Properties defaults;
    private final org.postgresql.Driver driver = new org.postgresql.Driver();
    private volatile Runnable afterRotation = () -> { };
    private volatile int loginTimeoutSeconds;

    /**
     * @param defaults driver properties (timeouts …) that options in the URL override
     */
    public RotatingCredentialsDataSource(DatabaseCredentials credentials, Properties defaults) {
        this.credentials = credentials;
        this.defaults = (Properties) defaults.clone();
    }

    /** Runs after a connection succeeded with re-read credentials. */
    public void afterRotation(Runnable action) {
        this.afterRotation = action;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseUrl url = credentials.current();
        try {
            return connect(url);
        } catch (SQLException e) {
            if (!INVALID_PASSWORD.equals(e.getSQLState())) {
                throw e;
            }
            DatabaseUrl reread;
            try {
                reread = credentials.reread();
            } catch (RuntimeException rereadFailure) {
                e.addSuppressed(rereadFailure);
                throw e;
            }
            if (reread.equals(url)) {
                throw e;
            }
            LOG.warn("the database refused the password; the stored credentials changed, connecting with the new ones");
            Connection connection = connect(reread);
            afterRotation.run();
            return connection;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the configured source");
    }

    private Connection connect(DatabaseUrl url) throws SQLException {
        Properties properties = (Properties) defaults.clone();
        if (url.username() != null) {
            properties.setProperty("user", url.username());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        if (loginTimeoutSeconds > 0) {
            properties.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        }
        Connection connection = driver.connect(url.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url.jdbcUrl(), "08001");
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through SLF4J; DriverManager-style log writers are not used.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
