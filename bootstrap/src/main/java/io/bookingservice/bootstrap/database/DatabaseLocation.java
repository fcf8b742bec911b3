package io.bookingservice.bootstrap.database;

import io.bookingservice.bootstrap.config.InvalidSettingsException;
import io.bookingservice.bootstrap.config.Persistence;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.migrations.config.DatabaseUrl;
import java.nio.file.Path;

/**
 * Which database the settings name — the one decision {@code serve}, {@code migrate} and the
 * other operator commands share, so that they can never reach different databases: the
 * configured URL (DATABASE_URL, or DATABASE_URL_TEST with ENV=test, from the command line,
 * the environment or the config file), else in dev/prod the secret
 * {@code db_connection_string_{ENV}}, else in local mode the embedded PostgreSQL. A
 * configuration that names a database never falls back to another one.
 */
public sealed interface DatabaseLocation {

    /** A URL from the settings. */
    record Configured(DatabaseUrl url) implements DatabaseLocation {
    }

    /** A Secrets Manager secret holding a URL or the RDS rotation JSON. */
    record Secret(String name) implements DatabaseLocation {
    }

    /** Local mode's embedded PostgreSQL in the data directory. */
    record Embedded(Path dataDirectory) implements DatabaseLocation {
    }

    /** @throws InvalidSettingsException when the settings name no database (in-memory persistence) */
    static DatabaseLocation of(Settings settings) {
        if (settings.persistence() != Persistence.POSTGRES) {
            throw new InvalidSettingsException("BOOKING_PERSISTENCE=" + settings.persistence().name()
                    .toLowerCase(java.util.Locale.ROOT) + " has no database; this command needs BOOKING_PERSISTENCE=postgres");
        }
        if (settings.databaseUrl().isPresent()) {
            return new Configured(settings.databaseUrl().get());
        }
        if (settings.environment().usesSecretsManager()) {
            return new Secret("db_connection_string_" + settings.environment().code());
        }
        if (settings.embeddedDatabase()) {
            return new Embedded(settings.dataDirectory());
        }
        throw new InvalidSettingsException("no database is configured for ENV=" + settings.environment().code()
                + ": set DATABASE_URL");
    }

    /** Where this location came from, e.g. {@code secret db_connection_string_prod}. */
    default String origin() {
        if (this instanceof Secret secret) {
            return "secret " + secret.name();
        }
        if (this instanceof Embedded embedded) {
            return "the embedded PostgreSQL in " + embedded.dataDirectory().resolve("postgres");
        }
        return "DATABASE_URL";
    }
}
