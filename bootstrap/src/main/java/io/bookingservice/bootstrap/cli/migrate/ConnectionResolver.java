package io.bookingservice.bootstrap.cli.migrate;

import io.bookingservice.migrations.engine.MigrationSettings;
import java.nio.file.Path;

/**
 * Where {@code booking migrate} finds its database and scripts. Kept behind this interface so
 * the service's own configuration (DESIGN §5) can replace {@link PropertiesConnectionResolver}.
 */
public interface ConnectionResolver {

    /**
     * Command-line values; each may be {@code null}.
     *
     * @param config {@code -c/--config} properties file
     * @param url {@code --url}, any form the URL parser accepts
     * @param user {@code --user}, overrides the URL's
     * @param password {@code --password}, overrides the URL's
     */
    record Options(Path config, String url, String user, String password) {
    }

    /** Script locations and placeholders: needed by every command, also those without a database. */
    MigrationSettings settings(Options options);

    /** @throws IllegalArgumentException when no database is configured (a usage error) */
    JdbcTarget database(Options options);
}
