package io.bookingservice.bootstrap.cli.migrate;

/**
 * Turns a configured database URL into a JDBC target. The service's shared parser
 * (DESIGN §5 forms) plugs in here; {@link PostgresUrls} is a self-contained default.
 */
@FunctionalInterface
public interface DatabaseUrlParser {

    /** @throws IllegalArgumentException when {@code url} is not a supported database URL */
    JdbcTarget parse(String url);
}
