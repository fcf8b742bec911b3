package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.application.port.in.OperateAccountsUseCase;
import io.bookingservice.bootstrap.BookingApplication;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.server.RunningService;
import io.bookingservice.bootstrap.wiring.FirstAdmin;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances started at the same moment on one empty PostgreSQL database, as an
 * orchestrator starts a fleet: every one of them starts, the migrations are applied once (the
 * others wait for the migration lock), there is exactly one admin, and exactly one console shows
 * a generated password, which works on every instance.
 */
class StartupRaceIT {

    private static final int INSTANCES = 3;
    private static final Pattern PRINTED = Pattern.compile("user 'admin' with password: (\\S+)");

    @TempDir
    Path dataDirectories;

    @Test
    void instancesStartedTogetherOnAnEmptyDatabaseAllStartWithOneAdminAndOnePrintedPasswordThatWorks() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + encode(db.user())
                + (db.password() == null || db.password().isEmpty() ? "" : "&password=" + encode(db.password()));
        List<ByteArrayOutputStream> consoles = new ArrayList<>();
        List<Future<RunningService>> starts = new ArrayList<>();
        CyclicBarrier together = new CyclicBarrier(INSTANCES);
        ExecutorService launcher = Executors.newFixedThreadPool(INSTANCES);
        List<RunningService> services = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                ByteArrayOutputStream console = new ByteArrayOutputStream();
                consoles.add(console);
                // Own data directory each (ENV=test keeps its signing keys there); one database.
                Map<String, String> environment = Map.of("ENV", "test", "DATABASE_URL_TEST", url, "PORT", "0",
                        "BOOKING_DATA_DIR", dataDirectories.resolve("instance-" + i).toString(), "BOOKING_SHUTDOWN_GRACE", "0");
                starts.add(launcher.submit(() -> {
                    together.await();
                    return RunningService.start(SettingsLoader.load(Map.of(), environment), BookingApplication.WEB_LAYER,
                            Optional.empty(), new PrintStream(console, true, StandardCharsets.UTF_8));
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<RunningService> start : starts) {
                try {
                    services.add(start.get(120, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).as("instances that failed to start").isEmpty();

            List<String> printed = new ArrayList<>();
            for (ByteArrayOutputStream console : consoles) {
                Matcher password = PRINTED.matcher(console.toString(StandardCharsets.UTF_8));
                while (password.find()) {
                    printed.add(password.group(1));
                }
            }
            // Without a terminal (as here) the generated password goes to the data directory's
            // owner-only file instead of the console: count both.
            for (int i = 0; i < INSTANCES; i++) {
                Path stored = dataDirectories.resolve("instance-" + i).resolve(FirstAdmin.PASSWORD_FILE);
                if (Files.exists(stored)) {
                    printed.add(Files.readString(stored, StandardCharsets.UTF_8).strip());
                }
            }
            assertThat(printed).as("generated passwords shown on the consoles or stored in a data directory").hasSize(1);
            for (RunningService service : services) {
                Http http = new Http(service.port());
                assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(200);
                String token = http.token("admin", printed.get(0));
                assertThat(http.get("/users/me", token).statusCode()).isEqualTo(200);
            }
            assertThat(services.get(0).context().getBean(OperateAccountsUseCase.class).listAll())
                    .singleElement().satisfies(admin -> assertThat(admin.username().value()).isEqualTo("admin"));
            assertThat(migrationsAppliedMoreThanOnce(db)).as("versions in the history more than once").isEmpty();
        } finally {
            services.forEach(RunningService::stop);
            launcher.shutdownNow();
        }
    }

    private static List<String> migrationsAppliedMoreThanOnce(TestDatabase db) throws Exception {
        List<String> repeated = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL "
                     + "GROUP BY version HAVING count(*) > 1")) {
            while (rows.next()) {
                repeated.add(rows.getString(1));
            }
        }
        return repeated;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
