package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.migrations.engine.MigrationEngine;
import io.bookingservice.migrations.engine.MigrationSettings;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting {@code booking.jar} the ways the docs describe, and the refusals that must be one clear line. */
class LaunchProcessIT {

    private static final Map<String, String> MEMORY = Map.of("BOOKING_PERSISTENCE", "memory",
            "BOOKING_ADMIN_PASSWORD", "Admin-Pass-2024!");

    @TempDir
    Path dataDirectory;

    @Test
    void theDocsUiStartsFromThePackagedJar() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(MEMORY);
        environment.put("DOCS_URL", "/docs");
        Process process = JarProcess.start(dataDirectory, environment, "--port", "0");
        try {
            int port = JarProcess.awaitPort(process, new ArrayList<>());

            HttpResponse<String> index = get(port, "/docs/index.html");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("swagger-ui");
            // Served from the swagger-ui webjar, found through its Maven metadata inside the jar.
            assertThat(get(port, "/docs/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        } finally {
            assertThat(JarProcess.stop(process)).isZero();
        }
    }

    @Test
    void serveOptionsWorkWithoutTheWordServe() throws Exception {
        Process process = JarProcess.start(dataDirectory, MEMORY, "--port", "0", "--persistence", "memory");
        try {
            int port = JarProcess.awaitPort(process, new ArrayList<>());

            assertThat(port).isPositive();
            assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
        } finally {
            assertThat(JarProcess.stop(process)).isZero();
        }
    }

    @Test
    void withoutMigrationsAnEmptyDatabaseIsRefusedInOneLine() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();

        JarProcess.Result serve = JarProcess.run(dataDirectory, Map.of("ENV", "test", "DATABASE_URL", url(db), "PORT", "0"), "",
                "serve", "--no-migrate-on-start");

        assertThat(serve.status()).isEqualTo(1);
        assertThat(serve.err().lines().toList()).containsExactly("booking: serve: the schema is at base; run booking migrate"
                + " upgrade (or start without --no-migrate-on-start / BOOKING_MIGRATE_ON_START=off)");
        assertThat(serve.out()).doesNotContain("\tat ");
    }

    @Test
    void aDatabaseAheadOfTheCodeIsRefusedInOneLineNamingBothVersions() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        new MigrationEngine(db.dataSource(), MigrationSettings.defaults(), null, line -> { }).upgrade("head");
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            // What a newer build leaves: V12 applied, a script this jar does not have.
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (100, '12', 'booking notes', 'SQL',"
                    + " 'V12__booking_notes.sql', 1, current_user, 0, true)");
        }

        JarProcess.Result serve = JarProcess.run(dataDirectory, Map.of("ENV", "test", "DATABASE_URL", url(db), "PORT", "0"), "");

        assertThat(serve.status()).isEqualTo(1);
        assertThat(serve.err().lines().toList()).singleElement().asString()
                .startsWith("booking: serve: the database is at version 12, ahead of this build, whose newest migration is 11:");
        // The log keeps Spring's one-line warning (it names the outermost bean being built); no stack trace.
        assertThat(serve.out()).doesNotContain("\tat ");
    }

    @Test
    void serveAndMigrateRunTheScriptsOneConfigFileNames() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        Path scripts = Files.createDirectories(dataDirectory.resolve("extra/migration"));
        Path undo = Files.createDirectories(dataDirectory.resolve("extra/undo"));
        Files.writeString(scripts.resolve("V12__booking_notes.sql"), "CREATE TABLE booking_notes (id integer);\n");
        Files.writeString(undo.resolve("U12__booking_notes.sql"), "DROP TABLE booking_notes;\n");
        Path config = dataDirectory.resolve("booking.properties");
        Files.writeString(config, "ENV=test\nDATABASE_URL=" + url(db) + "\nBOOKING_PERSISTENCE=postgres\n"
                + "BOOKING_MIGRATION_LOCATIONS=classpath:db/migration, filesystem:" + scripts + "\n"
                + "BOOKING_MIGRATION_UNDO_LOCATION=filesystem:" + undo + "\n");

        Process process = JarProcess.start(dataDirectory, Map.of("BOOKING_ADMIN_PASSWORD", "Admin-Pass-2024!"),
                "serve", "-c", config.toString(), "--port", "0");
        try {
            int port = JarProcess.awaitPort(process, new ArrayList<>());
            assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
        } finally {
            assertThat(JarProcess.stop(process)).isZero();
        }
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            java.sql.ResultSet table = statement.executeQuery("SELECT to_regclass('booking_notes') IS NOT NULL");
            assertThat(table.next()).isTrue();
            assertThat(table.getBoolean(1)).as("serve applied V12 from BOOKING_MIGRATION_LOCATIONS").isTrue();
        }

        JarProcess.Result current = JarProcess.run(dataDirectory, Map.of(), "", "migrate", "-c", config.toString(), "current");
        assertThat(current.out()).isEqualTo("12 (head)\n");
        JarProcess.Result down = JarProcess.run(dataDirectory, Map.of(), "", "migrate", "-c", config.toString(),
                "downgrade", "-1");
        assertThat(down.status()).as(down.err()).isZero();
        assertThat(JarProcess.run(dataDirectory, Map.of(), "", "migrate", "-c", config.toString(), "current").out())
                .isEqualTo("11 (head is 12; run: booking migrate upgrade)\n");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String url(TestDatabase db) {
        return db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user()
                + (db.password() == null || db.password().isEmpty() ? "" : "&password=" + db.password());
    }
}
