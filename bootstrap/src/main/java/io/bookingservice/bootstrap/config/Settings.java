package io.bookingservice.bootstrap.config;

import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.engine.MigrationSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the service reads from its surroundings, read once and validated at start
 * (see {@link SettingsLoader} for where each value comes from).
 *
 * @param databaseUrl        DATABASE_URL (or, for ENV=test, DATABASE_URL_TEST); when empty the
 *                           database comes from Secrets Manager (dev, prod) or is embedded (local)
 * @param adminPassword      the first admin's password on an empty users table; generated when empty
 * @param metricsEnabled     record metrics and serve them on the management port (BOOKING_METRICS, default on)
 * @param managementPort     port of {@code GET /metrics} (BOOKING_MANAGEMENT_PORT); 0 (default): a free one, logged
 * @param managementAddress  address the management port binds to (BOOKING_MANAGEMENT_ADDRESS, default 127.0.0.1)
 * @param secretsEndpoint    AWS_ENDPOINT_URL_SECRETS_MANAGER, else AWS_ENDPOINT_URL; empty: AWS itself
 * @param trustedProxies     BOOKING_TRUSTED_PROXIES: CIDRs of our own proxies, whose forwarding headers
 *                           are believed (validated); empty by default: none
 * @param loginFloor         BOOKING_LOGIN_FLOOR: the least time a failed login takes (default 300 ms)
 * @param keyRefresh         how often the JWT keys are re-read (BOOKING_KEY_REFRESH seconds, default 60)
 * @param trustPreviousKey   whether the public key's AWSPREVIOUS version still verifies tokens
 *                           (BOOKING_TRUST_PREVIOUS_KEY, default on)
 * @param throttleTimeout    BOOKING_THROTTLE_TIMEOUT (ms, default 200): a PostgreSQL throttle call's whole budget
 * @param databasePoolSize   BOOKING_DB_POOL_SIZE: the connections {@code serve} keeps to PostgreSQL
 *                           (default {@value #DEFAULT_DATABASE_POOL_SIZE}); operator commands use two
 * @param shutdownGrace      BOOKING_SHUTDOWN_GRACE: after SIGTERM, how long the service keeps answering
 *                           (readiness 503, every response {@code Connection: close}) before it drains
 * @param sessionIdle        BOOKING_SESSION_IDLE: a sign-in session ends after this long without a refresh (8 h)
 * @param sessionMax         BOOKING_SESSION_MAX: and after this long in total (7 days)
 * @param migrationScripts   the migration scripts {@code serve} (on start) and {@code booking migrate} run:
 *                           BOOKING_MIGRATION_LOCATIONS (comma-separated Flyway locations, default the
 *                           packaged {@code classpath:db/migration}) and BOOKING_MIGRATION_UNDO_LOCATION
 *                           (default {@code classpath:db/undo}); always schema {@code public}, no placeholders
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
        int managementPort,
        String managementAddress,
        List<String> corsAllowedOrigins,
        Optional<String> docsUrl,
        LogFormat logFormat,
        Optional<URI> secretsEndpoint,
        List<String> trustedProxies,
        Duration loginFloor,
        Duration keyRefresh,
        boolean trustPreviousKey,
        Duration throttleTimeout,
        int databasePoolSize,
        Duration shutdownGrace,
        Duration sessionIdle,
        Duration sessionMax,
        MigrationSettings migrationScripts) {

    /** A login waits at most this long for the shared throttle before it is refused with 503. */
    public static final Duration DEFAULT_THROTTLE_TIMEOUT = Duration.ofMillis(200);

    /**
     * 16 connections, not fewer: with fewer connections than requests in flight, HikariCP hands
     * a returned connection to a waiting thread by spinning on {@code Thread.yield} (3.3 % of the
     * service's CPU in the profile of {@code GET /booking/{id}/} at 16 clients), and on 2 cores
     * that spin takes the CPU from the threads doing the work. Measured with 16 clients, runs
     * interleaved on one host: 28–56 % less JVM CPU per {@code GET /booking/{id}/}, 11–32 % less
     * per page of 100 than with 10 (docs/operations.md, "Request path"). PostgreSQL's
     * {@code max_connections} must allow instances × (this + the throttle's two), hence
     * BOOKING_DB_POOL_SIZE.
     */
    public static final int DEFAULT_DATABASE_POOL_SIZE = 16;

    /** More would never be used: the HTTP server runs at most 64 threads, its selectors among them. */
    public static final int MAXIMUM_DATABASE_POOL_SIZE = 64;

    public Settings {
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(keyRefresh, "keyRefresh");
        Objects.requireNonNull(migrationScripts, "migrationScripts");
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
                + ", management=" + managementAddress + ":" + managementPort
                + ", corsAllowedOrigins=" + corsAllowedOrigins
                + ", docsUrl=" + docsUrl.orElse("(off)") + ", logFormat=" + logFormat
                + ", secretsEndpoint=" + secretsEndpoint.map(URI::toString).orElse("(AWS)")
                + ", trustedProxies=" + trustedProxies + ", loginFloor=" + loginFloor.toMillis() + "ms"
                + ", keyRefresh=" + keyRefresh.toSeconds() + "s, trustPreviousKey=" + trustPreviousKey
                + ", throttleTimeout=" + throttleTimeout.toMillis() + "ms, shutdownGrace=" + shutdownGrace
                + ", migrationScripts=" + migrationScripts.locations() + " undo " + migrationScripts.undoLocation() + "]";
    }
}
