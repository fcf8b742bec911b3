package io.bookingservice.bootstrap.cli.migrate;

import io.bookingservice.migrations.engine.MigrationSettings;
import java.nio.file.Path;

/** Where {@code booking migrate} finds its database and scripts (a seam for tests). */
public interface ConnectionResolver {

    /**
     * Command-line values; each may be {@code null}.
     *
     * @param config {@code -c/--config} properties file (the service's settings file)
     * @param env {@code --env}
     * @param url {@code --url}: a database URL without a password
     * @param user {@code --user}, overrides the URL's
     * @param password read by {@code --password-stdin}, never from an argument
     */
    record Options(Path config, String env, String url, String user, String password) {

        @Override
        public String toString() {
            return "Options[config=" + config + ", env=" + env + ", url=" + url + ", user=" + user
                    + ", password=" + (password == null ? "none" : "[redacted]") + "]";
        }
    }

    /** Script locations and placeholders: needed by every command, also those without a database. */
    MigrationSettings settings(Options options);

    /**
     * Opens (or locates) the database {@code serve} would use with the same settings; the caller
     * closes it.
     *
     * @throws io.bookingservice.bootstrap.config.InvalidSettingsException when no database is
     *     configured or a setting is wrong (a usage error)
     */
    JdbcTarget database(Options options);
}
