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
 * @param shutdownGrace      BOOKING_SHUTDOWN_GRACE: after SIGTERM, how long the service keeps answering
 *                           (readiness 503, every response {@code Connection: close}) before it drains
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
        Duration shutdownGrace) {

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
                + ", shutdownGrace=" + shutdownGrace + "]";
    }
}
