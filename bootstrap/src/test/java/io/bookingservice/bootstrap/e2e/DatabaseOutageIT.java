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
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database outage seen over HTTP: a TCP proxy between the service and PostgreSQL is switched
 * off and on again. Liveness stays up, readiness and every request that needs the database answer
 * a quick 503 (never a hang, never another 5xx), and after the outage the service recovers on its
 * own with nothing lost.
 */
class DatabaseOutageIT {

    /** A bound so that a hang fails the test; not a performance assertion. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(30);
    /** Twice the request path's outage budget of about 3 s: a request still waiting then is hanging. */
    private static final Duration OUTAGE_BOUND = Duration.ofSeconds(6);
    private static final Pattern JDBC_URL = Pattern.compile("^jdbc:postgresql://([^/:?]+):(\\d+)/([^?]+)$");
    private static final String PASSWORD = "Admin-Pass-2024!";
    private static final String BOOKING = "{\"event_time\":\"2031-03-04T10:00:00Z\",\"address\":{\"street\":\"1 Main St\","
            + "\"city\":\"Springfield\",\"state\":\"IL\",\"country\":\"USA\"},\"topic\":\"Survives the outage\","
            + "\"duration_minutes\":60,\"requested_by\":\"office@example.com\"}";

    @TempDir
    Path dataDirectory;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private TcpProxy proxy;
    private TestDatabase db;
    private int port;

    @AfterEach
    void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void livenessStaysUpReadinessAndDatabaseRequestsAnswerAQuick503AndTheServiceRecoversWithNothingLost() throws Exception {
        RunningService service = startBehindProxy();
        Matcher target = target();
        try {
            port = service.port();
            HttpResponse<String> login = login();
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String token = Http.JSON.readTree(login.body()).get("access_token").asString();
            HttpResponse<String> submitted = send("POST", "/booking/", token, BOOKING);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            long id = Http.JSON.readTree(submitted.body()).get("id").asLong();
            assertThat(send("GET", "/health/ready", null, null).statusCode()).isEqualTo(200);

            proxy.stop();

            HttpResponse<String> live = send("GET", "/health/live", null, null);
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("UP");

            HttpResponse<String> ready = send("GET", "/health/ready", null, null);
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("DATABASE_UNAVAILABLE");

            HttpResponse<String> ping = send("GET", "/ping/", null, null);
            assertThat(ping.statusCode()).isEqualTo(503);

            assertUnavailable(send("GET", "/booking/", token, null), target);
            assertUnavailable(send("GET", "/booking/" + id + "/", token, null), target);
            assertUnavailable(login(), target);

            assertThat(send("GET", "/health/live", null, null).statusCode()).isEqualTo(200);

            proxy.start();

            long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
            HttpResponse<String> readyAgain;
            HttpResponse<String> listed;
            do {
                readyAgain = send("GET", "/health/ready", null, null);
                listed = send("GET", "/booking/", token, null);
                if (readyAgain.statusCode() == 200 && listed.statusCode() == 200) {
                    break;
                }
                assertThat(listed.statusCode()).as("while recovering: %s", listed.body()).isIn(200, 503);
                Thread.sleep(250);
            } while (System.nanoTime() < deadline);
            assertThat(readyAgain.statusCode()).as("ready within %s: %s", RECOVERY_TIMEOUT, readyAgain.body()).isEqualTo(200);
            assertThat(listed.statusCode()).as("GET /booking/ within %s: %s", RECOVERY_TIMEOUT, listed.body()).isEqualTo(200);
            assertThat(Http.JSON.readTree(listed.body()).get("bookings")).singleElement().satisfies(b -> {
                assertThat(b.get("id").asLong()).isEqualTo(id);
                assertThat(b.get("topic").asString()).isEqualTo("Survives the outage");
            });
            assertThat(login().statusCode()).isEqualTo(200);
        } finally {
            service.stop();
        }
    }

    /**
     * The route to the database drops every packet: nothing is refused, nothing is closed. A
     * request that already sent its statement learns of it only from the pool's socket timeout,
     * one that waits for a connection from Hikari's connection timeout; both must end in the
     * documented 503 within the request path's budget (about 3 s, {@code DatabasePool.Timeouts.REQUESTS})
     * instead of hanging for the operator settings' 30 s. {@link #OUTAGE_BOUND} is twice the
     * budget: this catches a hang, the bench measures the real waits.
     */
    @Test
    void aBlackHoledDatabaseAnswersA503WithinTheRequestBudgetAndTheServiceRecovers() throws Exception {
        RunningService service = startBehindProxy();
        Matcher target = target();
        try {
            port = service.port();
            HttpResponse<String> login = login();
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String token = Http.JSON.readTree(login.body()).get("access_token").asString();
            HttpResponse<String> submitted = send("POST", "/booking/", token, BOOKING);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            long id = Http.JSON.readTree(submitted.body()).get("id").asLong();
            // Uses a pooled connection right now, so that Hikari hands it out again without a
            // liveness check: the next request's statement goes into the hole.
            assertThat(send("GET", "/booking/" + id + "/", token, null).statusCode()).isEqualTo(200);

            proxy.blackHole();

            assertUnavailable(sendWithin(OUTAGE_BOUND, "GET", "/booking/" + id + "/", token, null), target);
            assertUnavailable(sendWithin(OUTAGE_BOUND, "GET", "/booking/", token, null), target);
            assertUnavailable(sendWithin(OUTAGE_BOUND, "POST", "/booking/", token, BOOKING), target);
            assertThat(sendWithin(OUTAGE_BOUND, "GET", "/health/ready", null, null).statusCode()).isEqualTo(503);
            assertThat(send("GET", "/health/live", null, null).statusCode()).isEqualTo(200);

            proxy.restore();

            long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
            HttpResponse<String> listed;
            do {
                listed = send("GET", "/booking/", token, null);
                if (listed.statusCode() == 200) {
                    break;
                }
                assertThat(listed.statusCode()).as("while recovering: %s", listed.body()).isEqualTo(503);
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
            assertThat(listed.statusCode()).as("GET /booking/ within %s: %s", RECOVERY_TIMEOUT, listed.body()).isEqualTo(200);
            // The acknowledged booking is there; the POST that got a 503 may or may not have
            // committed (its answer was lost, which is what the 503 says), so only "at least".
            assertThat(Http.JSON.readTree(listed.body()).get("bookings").valueStream().map(b -> b.get("id").asLong()))
                    .contains(id);
            assertThat(send("GET", "/health/ready", null, null).statusCode()).isEqualTo(200);
        } finally {
            service.stop();
        }
    }

    private RunningService startBehindProxy() throws Exception {
        db = TestPostgres.createDatabase();
        Matcher target = target();
        proxy = new TcpProxy(target.group(1), Integer.parseInt(target.group(2)));
        proxy.start();
        String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + target.group(3) + "?user=" + db.user()
                + (db.password().isEmpty() ? "" : "&password=" + db.password());
        return RunningService.start(SettingsLoader.load(Map.of(), Map.of("ENV", "test",
                        "DATABASE_URL_TEST", viaProxy, "PORT", "0", "BOOKING_DATA_DIR", dataDirectory.toString(),
                        "BOOKING_ADMIN_PASSWORD", PASSWORD, "BOOKING_SHUTDOWN_GRACE", "0")),
                BookingApplication.WEB_LAYER, Optional.empty(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private Matcher target() {
        Matcher target = JDBC_URL.matcher(db.jdbcUrl());
        assertThat(target.matches()).as("test database URL %s", db.jdbcUrl()).isTrue();
        return target;
    }

    /** The documented answer for "storage unavailable": 503 problem with Retry-After, nothing internal in the body. */
    private static void assertUnavailable(HttpResponse<String> response, Matcher target) {
        String what = response.request().method() + " " + response.request().uri().getPath();
        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).as(what).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(response.body()).as(what)
                .doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("jdbc")
                .doesNotContainIgnoringCase("postgres")
                .doesNotContainIgnoringCase("hikari")
                .doesNotContain("127.0.0.1")
                .doesNotContain("localhost")
                .doesNotContain(":" + target.group(2))
                .doesNotContain(target.group(3))
                .doesNotContain("\tat ")
                .doesNotContain(".java:");
        assertThat(Http.JSON.readTree(response.body()).get("status").asInt()).as(what).isEqualTo(503);
    }

    private HttpResponse<String> login() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri("/token")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=Admin-Pass-2024%21"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every request bounded by {@link #REQUEST_TIMEOUT}: a hang throws HttpTimeoutException and fails the test. */
    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return sendWithin(REQUEST_TIMEOUT, method, path, token, json);
    }

    private HttpResponse<String> sendWithin(Duration bound, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(bound)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
