package io.bookingservice.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.migrations.engine.MigrationSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsDescribeALocalServiceOnPort8000() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of());

        assertThat(settings.environment()).isEqualTo(Environment.LOCAL);
        assertThat(settings.port()).isEqualTo(8000);
        assertThat(settings.persistence()).isEqualTo(Persistence.POSTGRES);
        assertThat(settings.embeddedDatabase()).isTrue();
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("booking-data").toAbsolutePath());
        assertThat(settings.acceptLegacyTokens()).isTrue();
        assertThat(settings.passwordRehash()).isTrue();
        assertThat(settings.migrateOnStart()).isTrue();
        assertThat(settings.metricsEnabled()).isTrue();
        assertThat(settings.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(settings.docsUrl()).isEmpty();
        assertThat(settings.secretsEndpoint()).isEmpty();
        assertThat(settings.throttleTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.databasePoolSize()).isEqualTo(16);
        assertThat(settings.migrationScripts()).isEqualTo(MigrationSettings.defaults());
    }

    @Test
    void migrationScriptsAreServiceSettingsReadLikeEveryOther() throws IOException {
        Path file = write("BOOKING_MIGRATION_LOCATIONS=filesystem:/srv/a, filesystem:/srv/b\n"
                + "BOOKING_MIGRATION_UNDO_LOCATION=filesystem:/srv/undo\n");

        MigrationSettings scripts = SettingsLoader.load(Map.of(SettingsLoader.CONFIG_FILE, file.toString()), Map.of())
                .migrationScripts();

        assertThat(scripts.locations()).containsExactly("filesystem:/srv/a", "filesystem:/srv/b");
        assertThat(scripts.undoLocation()).isEqualTo("filesystem:/srv/undo");
        assertThat(scripts.schema()).isEqualTo("public");
        assertThat(scripts.placeholders()).isEmpty();
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_MIGRATION_LOCATIONS", " , ")))
                .hasMessage("BOOKING_MIGRATION_LOCATIONS must name at least one location");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "locations=filesystem:/srv/a     | 'locations' is not a setting; use BOOKING_MIGRATION_LOCATIONS=…",
        "undo.location=filesystem:/srv/u | 'undo.location' is not a setting; use BOOKING_MIGRATION_UNDO_LOCATION=…",
        "schema=booking                  | 'schema' is not a setting; the service's tables live in schema public",
        "placeholders.owner=booking      | 'placeholders.owner' is not a setting; migration scripts take no placeholders",
        "password=secret                 | 'password' is not a setting; name the database the way serve reads it",
    })
    void theOldMigrateOnlyKeysAreRefusedByServeAndMigrateAlike(String line, String message) throws IOException {
        Path file = write(line + "\n");

        assertThatThrownBy(() -> SettingsLoader.load(Map.of(SettingsLoader.CONFIG_FILE, file.toString()), Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("config file " + file + ": " + message)
                .hasMessageNotContaining("secret");
    }

    @Test
    void theThrottleTimeoutIsMillisecondsWithinBounds() {
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_THROTTLE_TIMEOUT", "750")).throttleTimeout())
                .isEqualTo(Duration.ofMillis(750));
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_THROTTLE_TIMEOUT", "0")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("BOOKING_THROTTLE_TIMEOUT must be a number of milliseconds between 50 and 10000");
    }

    @ParameterizedTest
    @CsvSource({"2, 2", "' 24 ', 24", "64, 64"})
    void theDatabasePoolSizeIsAWholeNumberOfConnections(String value, int size) {
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_DB_POOL_SIZE", value)).databasePoolSize()).isEqualTo(size);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "-16", "65", "16.0", "sixteen", "99999999999"})
    void aDatabasePoolSizeOutsideTwoTo64IsRefusedByName(String value) {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_DB_POOL_SIZE", value)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("BOOKING_DB_POOL_SIZE must be a whole number of connections between 2 and 64");
    }

    @Test
    void commandLineBeatsEnvironmentWhichBeatsTheConfigFile() throws IOException {
        Path file = write("PORT=7001\nLOG_FORMAT=json\nDOCS_URL=/docs\nBOOKING_PASSWORD_REHASH=off\n");

        Settings settings = SettingsLoader.load(
                Map.of("PORT", "7003", SettingsLoader.CONFIG_FILE, file.toString()),
                Map.of("PORT", "7002", "LOG_FORMAT", "text"));

        assertThat(settings.port()).isEqualTo(7003);
        assertThat(settings.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(settings.docsUrl()).contains("/docs");
        assertThat(settings.passwordRehash()).isFalse();
    }

    @Test
    void configFileCanBeNamedByTheEnvironment() throws IOException {
        Path file = write("ENV=test\nDATABASE_URL_TEST=postgresql://u:p@db/test\n");

        Settings settings = SettingsLoader.load(Map.of(), Map.of("BOOKING_CONFIG", file.toString()));

        assertThat(settings.environment()).isEqualTo(Environment.TEST);
        assertThat(settings.databaseUrl()).get().extracting(u -> u.jdbcUrl()).isEqualTo("jdbc:postgresql://db/test");
    }

    @Test
    void missingConfigFileIsNamed() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(SettingsLoader.CONFIG_FILE, dir.resolve("nope.properties").toString()), Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("nope.properties")
                .hasMessageContaining("does not exist");
    }

    @Test
    void bogusEnvIsOneLineListingTheAllowedValues() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("ENV", "bogus")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("ENV='bogus' is not allowed; ENV must be one of local, dev, prod, test (default local)");
    }

    @Test
    void envIsCaseInsensitive() {
        assertThat(SettingsLoader.load(Map.of(), Map.of("ENV", "PROD")).environment()).isEqualTo(Environment.PROD);
    }

    @Test
    void testEnvironmentWithoutADatabaseNamesTheVariable() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("ENV", "test")))
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("DATABASE_URL_TEST");
    }

    @Test
    void testEnvironmentWithMemoryPersistenceNeedsNoDatabase() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of("ENV", "test", "BOOKING_PERSISTENCE", "memory"));

        assertThat(settings.persistence()).isEqualTo(Persistence.MEMORY);
        assertThat(settings.embeddedDatabase()).isFalse();
    }

    @Test
    void databaseUrlOverridesTheTestUrlAndTheEmbeddedDatabase() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of(
                "ENV", "test",
                "DATABASE_URL", "postgresql+psycopg://a:b@primary/db",
                "DATABASE_URL_TEST", "postgresql://c:d@other/db"));

        assertThat(settings.databaseUrl()).get().extracting(u -> u.jdbcUrl()).isEqualTo("jdbc:postgresql://primary/db");
        assertThat(SettingsLoader.load(Map.of(), Map.of("DATABASE_URL", "postgresql://a:b@h/db")).embeddedDatabase()).isFalse();
    }

    @Test
    void badDatabaseUrlNamesTheVariableButNotThePassword() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("DATABASE_URL", "mysql://root:hunter2@h/db")))
                .hasMessageStartingWith("DATABASE_URL: ")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("PORT", "eighty"))).hasMessageStartingWith("PORT ");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("PORT", "70000"))).hasMessageStartingWith("PORT ");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_PERSISTENCE", "redis")))
                .hasMessage("BOOKING_PERSISTENCE must be one of postgres | memory");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("LOG_FORMAT", "xml"))).hasMessage("LOG_FORMAT must be one of text | json");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_MIGRATE_ON_START", "maybe")))
                .hasMessageStartingWith("BOOKING_MIGRATE_ON_START must be on or off");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("AWS_ENDPOINT_URL", "localhost")))
                .hasMessageContaining("AWS_ENDPOINT_URL");
    }

    @Test
    void theShutdownGraceDefaultsToAFewSecondsAndEndsWellBeforeAThirtySecondKill() {
        assertThat(SettingsLoader.load(Map.of(), Map.of()).shutdownGrace()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_SHUTDOWN_GRACE", "0")).shutdownGrace()).isZero();
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_SHUTDOWN_GRACE", "9")).shutdownGrace()).hasSeconds(9);
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_SHUTDOWN_GRACE", "10")))
                .hasMessageStartingWith("BOOKING_SHUTDOWN_GRACE must be whole seconds from 0 to 9");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_SHUTDOWN_GRACE", "5s")))
                .hasMessageStartingWith("BOOKING_SHUTDOWN_GRACE ");
    }

    @Test
    void metricsCanBeSwitchedOff() {
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_METRICS", "off")).metricsEnabled()).isFalse();
    }

    @Test
    void theManagementPortIsOnLoopbackAndPickedFreeUnlessConfigured() throws IOException {
        Settings defaults = SettingsLoader.load(Map.of(), Map.of());
        assertThat(defaults.managementAddress()).isEqualTo("127.0.0.1");
        assertThat(defaults.managementPort()).isZero();

        Path file = write("BOOKING_MANAGEMENT_PORT=9101\nBOOKING_MANAGEMENT_ADDRESS=::1\n");
        Settings fromFile = SettingsLoader.load(Map.of(SettingsLoader.CONFIG_FILE, file.toString()), Map.of());
        assertThat(fromFile.managementPort()).isEqualTo(9101);
        assertThat(fromFile.managementAddress()).isEqualTo("::1");
        Settings fromEnvironment = SettingsLoader.load(Map.of(SettingsLoader.CONFIG_FILE, file.toString()),
                Map.of("BOOKING_MANAGEMENT_PORT", "9102", "BOOKING_MANAGEMENT_ADDRESS", "0.0.0.0"));
        assertThat(fromEnvironment.managementPort()).isEqualTo(9102);
        assertThat(fromEnvironment.managementAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void aBadManagementPortOrAddressIsRefusedByName() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_MANAGEMENT_PORT", "70000")))
                .hasMessage("BOOKING_MANAGEMENT_PORT must be a port number between 0 and 65535");
        for (String bad : List.of("300.1.2.3", "metrics.internal", "::g", "1.2.3")) {
            assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_MANAGEMENT_ADDRESS", bad)))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageStartingWith("BOOKING_MANAGEMENT_ADDRESS must be an IP address");
        }
    }

    @Test
    void secretsManagerEndpointPrefersTheServiceSpecificVariable() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of(
                "AWS_ENDPOINT_URL", "http://localhost:4566",
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://localhost:9999"));

        assertThat(settings.secretsEndpoint()).contains(URI.create("http://localhost:9999"));
    }

    @Test
    void corsOriginsAcceptCommasSpacesAndAJsonList() {
        assertThat(SettingsLoader.load(Map.of(), Map.of("CORS_ALLOWED_ORIGINS", "https://a.example, https://b.example")).corsAllowedOrigins())
                .isEqualTo(List.of("https://a.example", "https://b.example"));
        assertThat(SettingsLoader.load(Map.of(), Map.of("CORS_ALLOWED_ORIGINS", "[\"https://a.example\",\"https://b.example\"]")).corsAllowedOrigins())
                .isEqualTo(List.of("https://a.example", "https://b.example"));
    }

    @Test
    void trustedProxiesAreNoneByDefaultAndListedLikeOrigins() {
        assertThat(SettingsLoader.load(Map.of(), Map.of()).trustedProxies()).isEmpty();
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_TRUSTED_PROXIES", "10.0.0.0/8, 2001:db8::/32 192.0.2.7"))
                .trustedProxies()).containsExactly("10.0.0.0/8", "2001:db8::/32", "192.0.2.7");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_TRUSTED_PROXIES", "10.0.0.0/8,proxy.internal")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("BOOKING_TRUSTED_PROXIES").hasMessageContaining("proxy.internal");
    }

    @Test
    void theLoginFloorIs300MillisecondsUnlessConfigured() {
        assertThat(SettingsLoader.load(Map.of(), Map.of()).loginFloor()).isEqualTo(Duration.ofMillis(300));
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_LOGIN_FLOOR", "450")).loginFloor()).isEqualTo(Duration.ofMillis(450));
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_LOGIN_FLOOR", "500ms")).loginFloor()).isEqualTo(Duration.ofMillis(500));
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_LOGIN_FLOOR", "1s")).loginFloor()).isEqualTo(Duration.ofSeconds(1));
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_LOGIN_FLOOR", "0")).loginFloor()).isZero();
        for (String bad : List.of("-1", "fast", "11s", "0.3s")) {
            assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_LOGIN_FLOOR", bad)))
                    .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("BOOKING_LOGIN_FLOOR");
        }
    }

    @Test
    void toStringRedactsTheAdminAndDatabasePasswords() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of(
                "BOOKING_ADMIN_PASSWORD", "Admin-Secret-1", "DATABASE_URL", "postgresql://u:hunter2@h/db"));

        assertThat(settings.toString()).doesNotContain("Admin-Secret-1", "hunter2");
    }

    @Test
    void docsUrlIsNormalisedLikeTheWebAdapterUsesIt() {
        assertThat(SettingsLoader.load(Map.of(), Map.of("DOCS_URL", "docs/")).docsUrl()).contains("/docs");
    }

    @Test
    void docsUrlOnAnApiRouteIsAnInvalidSettingNamingDocsUrl() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("DOCS_URL", "/users")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("DOCS_URL must")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("DOCS_URL", "/")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("DOCS_URL must");
    }

    @Test
    void keysAreReReadEveryMinuteAndThePreviousKeyIsTrustedByDefault() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of());

        assertThat(settings.keyRefresh()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.trustPreviousKey()).isTrue();
    }

    @Test
    void keyRefreshAndTrustInThePreviousKeyAreSettings() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of("BOOKING_KEY_REFRESH", "5", "BOOKING_TRUST_PREVIOUS_KEY", "off"));

        assertThat(settings.keyRefresh()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.trustPreviousKey()).isFalse();
    }

    @Test
    void keyRefreshMustBeAWholeNumberOfSecondsWithinAQuarterOfAnHour() {
        for (String bad : List.of("0", "-1", "1.5", "60s", "901")) {
            assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_KEY_REFRESH", bad)))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessage("BOOKING_KEY_REFRESH must be a whole number of seconds between 1 and 900");
        }
        assertThat(SettingsLoader.load(Map.of(), Map.of("BOOKING_KEY_REFRESH", "900")).keyRefresh()).isEqualTo(Duration.ofMinutes(15));
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("booking.properties");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void sessionLimitsDefaultToAWorkingDayAndAWeek() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of());

        assertThat(settings.sessionIdle()).isEqualTo(java.time.Duration.ofHours(8));
        assertThat(settings.sessionMax()).isEqualTo(java.time.Duration.ofDays(7));
    }

    @Test
    void sessionLimitsTakeShortFormsAndIso8601() {
        Settings settings = SettingsLoader.load(Map.of(),
                Map.of("BOOKING_SESSION_IDLE", "30m", "BOOKING_SESSION_MAX", "PT12H"));

        assertThat(settings.sessionIdle()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(settings.sessionMax()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(SettingsLoader.duration("X", "90")).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(SettingsLoader.duration("X", "2d")).isEqualTo(java.time.Duration.ofDays(2));
    }

    @Test
    void badSessionLimitsAreRefusedByName() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_SESSION_IDLE", "eight hours")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("BOOKING_SESSION_IDLE");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_SESSION_MAX", "0h")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("BOOKING_SESSION_MAX must be positive");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("BOOKING_SESSION_IDLE", "8d")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("may not exceed BOOKING_SESSION_MAX");
    }
}
