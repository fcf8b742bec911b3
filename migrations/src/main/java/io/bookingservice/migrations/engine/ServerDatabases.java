package io.bookingservice.migrations.engine;

import javax.sql.DataSource;

/**
 * Connections to other databases on the live database's server, with the same credentials.
 * The drift check builds its scratch schema in one, so the PostgreSQL major version (and
 * thus {@code pg_get_*} output) is the same as the live one's.
 */
@FunctionalInterface
public interface ServerDatabases {

    /** A data source for database {@code name} on the same server. */
    DataSource database(String name);
}
