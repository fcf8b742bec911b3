package io.bookingservice.adapters.persistence.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to connect. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl           {@code jdbc:postgresql://host:port/database}, without credentials
 * @param maximumPoolSize   connections the pool may hold
 * @param connectionTimeout how long a request waits for a pooled connection
 * @param socketTimeout     how long a query may wait for the server to answer
 */
public record PostgresConnectionSettings(String jdbcUrl, String username, String password, int maximumPoolSize,
                                         Duration connectionTimeout, Duration socketTimeout) {

    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);

    public PostgresConnectionSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with jdbc:postgresql:");
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("the pool holds at least one connection, got " + maximumPoolSize);
        }
        // Hikari refuses less than 250 ms; pgjdbc counts socketTimeout in whole seconds.
        if (connectionTimeout.toMillis() < 250 || socketTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("connectionTimeout >= 250 ms and socketTimeout >= 1 s");
        }
    }

    /** The defaults below, for a service next to its database. */
    public static PostgresConnectionSettings of(String jdbcUrl, String username, String password) {
        return new PostgresConnectionSettings(jdbcUrl, username, password, DEFAULT_MAXIMUM_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT, DEFAULT_SOCKET_TIMEOUT);
    }

    public PostgresConnectionSettings withMaximumPoolSize(int size) {
        return new PostgresConnectionSettings(jdbcUrl, username, password, size, connectionTimeout, socketTimeout);
    }

    @Override
    public String toString() {
        return "PostgresConnectionSettings[" + jdbcUrl + " as " + username + ", pool " + maximumPoolSize
                + ", connectionTimeout " + connectionTimeout + ", socketTimeout " + socketTimeout + "]";
    }
}
