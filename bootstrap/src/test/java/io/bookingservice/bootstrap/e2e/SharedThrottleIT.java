package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.bootstrap.BookingApplication;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.server.RunningService;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 "Throttles": with PostgreSQL the login throttle's buckets are shared by every instance
 * on the database, and a flood on one key never drains the request pool.
 */
class SharedThrottleIT {

    private static final String ADMIN_PASSWORD = "Admin-Pass-2024!";

    @TempDir
    Path dataDirectory;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void twoInstancesOnOneDatabaseAllowFiveWrongGuessesFleetWideNotFivePerInstance() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        RunningService first = start(db);
        try {
            RunningService second = start(db);
            try {
                // Five wrong guesses for admin from this address, spread over both instances.
                int[] ports = {first.port(), second.port(), first.port(), second.port(), first.port()};
                for (int i = 0; i < ports.length; i++) {
                    assertThat(login(ports[i], "admin", "wrong-" + i).statusCode()).as("guess %d", i + 1).isEqualTo(401);
                }

                HttpResponse<String> sixth = login(second.port(), "admin", "wrong-5");
                assertThat(sixth.statusCode()).as("the instance that saw only two guesses").isEqualTo(429);
                assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
                assertThat(login(first.port(), "admin", ADMIN_PASSWORD).statusCode())
                        .as("the pair is locked everywhere, even with the right password").isEqualTo(429);
                assertThat(count(db, "SELECT count(*) FROM throttle_buckets")).as("one address, one pair").isEqualTo(2);
            } finally {
                second.stop();
            }
        } finally {
            first.stop();
        }
    }

    @Test
    void aSixtyFourConnectionFloodOnOneKeyLeavesBookingReadsAnswering() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        RunningService service = start(db);
        ExecutorService flood = Executors.newFixedThreadPool(64);
        try {
            HttpResponse<String> token = login(service.port(), "admin", ADMIN_PASSWORD);
            assertThat(token.statusCode()).isEqualTo(200);
            String admin = Http.JSON.readTree(token.body()).get("access_token").asString();
            Http http = new Http(service.port());
            HttpResponse<String> submitted = http.send("POST", "/booking/", admin, BOOKING);
            assertThat(submitted.statusCode()).isEqualTo(201);
            long id = Http.json(submitted).get("id").asLong();

            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 64 * 8; i++) {
                int n = i;
                attempts.add(flood.submit(() -> login(service.port(), "admin", "flood-" + n).statusCode()));
            }
            List<Integer> reads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                reads.add(http.get("/booking/" + id + "/", admin).statusCode());
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> attempt : attempts) {
                answers.add(attempt.get(60, TimeUnit.SECONDS));
            }

            assertThat(reads).as("GET /booking/{id}/ during the flood").containsOnly(200);
            assertThat(answers).as("the flood is refused, never failed").containsOnly(401, 429);
            assertThat(answers).filteredOn(status -> status == 401).as("at most the pair's five guesses reach a password check")
                    .hasSizeLessThanOrEqualTo(5);
        } finally {
            flood.shutdownNow();
            service.stop();
        }
    }

    @Test
    void theOperatorCommandPurgesIdempotencyKeysOlderThanADay() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        RunningService service = start(db);
        service.stop();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, state, created_at) "
                    + "SELECT id, 'old', 'f', 'completed', now() - interval '25 hours' FROM users WHERE username = 'admin'");
            statement.execute("INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, state, created_at) "
                    + "SELECT id, 'recent', 'f', 'completed', now() - interval '23 hours' FROM users WHERE username = 'admin'");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int status;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            status = BookingApplication.run(new String[] {"idempotency", "purge"},
                    Map.of("ENV", "test", "DATABASE_URL_TEST", url(db)));
        } finally {
            System.setOut(previous);
        }

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("purged 1 idempotency key(s) older than 24 hours");
        assertThat(count(db, "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = 'recent'")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM idempotency_keys")).isEqualTo(1);
    }

    private HttpResponse<String> login(int port, String username, String password) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private RunningService start(TestDatabase db) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("PORT", "0", "BOOKING_DATA_DIR", dataDirectory.toString(),
                "ENV", "test", "DATABASE_URL_TEST", url(db), "BOOKING_ADMIN_PASSWORD", ADMIN_PASSWORD,
                // This test machine is shared by several builds: give the throttle's calls time (default 200 ms).
                "BOOKING_THROTTLE_TIMEOUT", "5000"));
        return RunningService.start(SettingsLoader.load(Map.of(), environment), BookingApplication.WEB_LAYER, Optional.empty(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static String url(TestDatabase db) {
        return db.jdbcUrl() + "?user=" + db.user() + (db.password().isEmpty() ? "" : "&password=" + db.password());
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static final String BOOKING = "{\"event_time\":\"2031-03-04T10:00:00Z\",\"address\":{\"street\":\"1 Main St\","
            + "\"city\":\"Springfield\",\"state\":null,\"country\":\"US\"},\"topic\":\"Throttles\",\"duration_minutes\":30,"
            + "\"requested_by\":\"ops@example.org\"}";
}
