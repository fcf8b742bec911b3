package io.bookingservice.bootstrap.config;

import io.bookingservice.migrations.config.DatabaseUrl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the service reads from its surroundings, read once and validated at start
 * (see {@link SettingsLoader} for where each value comes from).
 *
 * @param databaseUrl        DATABASE_URL (or, for ENV=test, DATABASE_URL_TEST); when empty the
 *                           database comes from Secrets Manager (dev, prod) or is embedded (local)
 * @param adminPassword      the first admin's password on an empty users table; generated when empty
 * @param metricsEnabled     serve {@code GET /metrics} (BOOKING_METRICS, default on)
 * @param secretsEndpoint    AWS_ENDPOINT_URL_SECRETS_MANAGER, else AWS_ENDPOINT_URL; empty: AWS itself
 * @param sessionIdle        BOOKING_SESSION_IDLE: a sign-in session ends after this long without a refresh (8 h)
 * @param sessionMax         BOOKING_SESSION_MAX: and after this long in total (7 days)
 */
public record Settings(
        Environment environment,
        int port,
        Optional<DatabaseUrl> databaseUrl,
        Persistence persistence,
        Path dataDirectory,
        Optional<String> adminPassword,
        boolean acceptLegacyTokens,
        boolean passwordRehash,
        boolean migrateOnStart,
        boolean metricsEnabled,
        List<String> corsAllowedOrigins,
        Optional<String> docsUrl,
        LogFormat logFormat,
        Optional<URI> secretsEndpoint,
        Duration sessionIdle,
        Duration sessionMax) {

    public Settings {
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    }

    /** Local mode runs its own PostgreSQL unless it was given a database or told to keep data in memory. */
    public boolean embeddedDatabase() {
        return persistence == Persistence.POSTGRES && databaseUrl.isEmpty() && environment == Environment.LOCAL;
    }

    @Override
    public String toString() {
        return "Settings[env=" + environment.code() + ", port=" + port + ", database=" + databaseUrl.map(DatabaseUrl::toString).orElse("(derived)")
                + ", persistence=" + persistence + ", dataDirectory=" + dataDirectory
                + ", adminPassword=" + (adminPassword.isPresent() ? "[redacted]" : "(generated)")
                + ", acceptLegacyTokens=" + acceptLegacyTokens + ", passwordRehash=" + passwordRehash
                + ", migrateOnStart=" + migrateOnStart + ", metricsEnabled=" + metricsEnabled
                + ", corsAllowedOrigins=" + corsAllowedOrigins
                + ", docsUrl=" + docsUrl.orElse("(off)") + ", logFormat=" + logFormat
                + ", secretsEndpoint=" + secretsEndpoint.map(URI::toString).orElse("(AWS)")
                + ", sessionIdle=" + sessionIdle + ", sessionMax=" + sessionMax + "]";
    }
}
