package io.bookingservice.bootstrap.cli.migrate;

import java.util.Objects;

/**
 * A database to connect to.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database[?options]}
 * @param user role, or {@code null} when the URL names it
 * @param password password, or {@code null} when the URL carries it or none is needed
 */
public record JdbcTarget(String jdbcUrl, String user, String password) {

    public JdbcTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "JdbcTarget[" + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***") + " as " + user + "]";
    }
}
