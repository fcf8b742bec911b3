package io.bookingservice.migrations.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A fresh, empty database of its own on the shared test PostgreSQL server, created by
 * {@link TestPostgres#createDatabase()}.
 *
 * @param name database name, unique per call
 * @param jdbcUrl {@code jdbc:postgresql://host:port/name}, without credentials
 * @param user role to connect as
 * @param password its password, empty when the server trusts local connections
 * @param dataSource an unpooled data source for the database, connecting as {@code user}
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password, DataSource dataSource) {

    public TestDatabase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dataSource, "dataSource");
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** Keeps the password out of test reports and logs. */
    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + " as " + user + "]";
    }
}
