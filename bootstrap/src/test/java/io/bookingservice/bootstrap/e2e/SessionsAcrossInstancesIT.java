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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the real service on one PostgreSQL (as behind a load balancer): a session
 * ended through one — password change, reset, disabling, reuse of a refresh token — is refused
 * at once by the other, with no cache to expire.
 */
class SessionsAcrossInstancesIT {

    private static final String ADMIN_PASSWORD = "Admin-Pass-2024!";
    private static final String PASSWORD = "Requester-Pass-1";

    @TempDir
    Path dataDirectory;

    private final HttpClient client = HttpClient.newHttpClient();
    private RunningService first;
    private RunningService second;

    @BeforeEach
    void startTwoInstances() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        String url = db.jdbcUrl() + "?user=" + db.user() + (db.password().isEmpty() ? "" : "&password=" + db.password());
        // One after the other: the first creates the signing keys in the shared data directory.
        first = start(url);
        second = start(url);
        String admin = accessToken(passwordGrant(first, "admin", ADMIN_PASSWORD));
        assertThat(send(first, "POST", "/users", admin,
                "{\"username\":\"speaker.office\",\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (first != null) {
            first.stop();
        }
        if (second != null) {
            second.stop();
        }
    }

    private RunningService start(String url) throws Exception {
        return RunningService.start(SettingsLoader.load(Map.of(), Map.of("ENV", "test", "DATABASE_URL_TEST", url,
                        "BOOKING_ADMIN_PASSWORD", ADMIN_PASSWORD, "PORT", "0",
                        "BOOKING_DATA_DIR", dataDirectory.toString(),
                        // Sessions, not latency: a cold throttle pool on a loaded machine must not fail a login.
                        "BOOKING_THROTTLE_TIMEOUT", "5000")),
                BookingApplication.WEB_LAYER, Optional.empty(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> form(RunningService service, String path, String body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(service, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode passwordGrant(RunningService service, String username, String password) throws Exception {
        HttpResponse<String> response = form(service, "/token", "username=" + encode(username)
                + "&password=" + encode(password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private HttpResponse<String> refresh(RunningService service, JsonNode tokens) throws Exception {
        return form(service, "/token", "grant_type=refresh_token&refresh_token="
                + encode(tokens.get("refresh_token").asString()));
    }

    private HttpResponse<String> me(RunningService service, JsonNode tokens) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(service, "/users/me"))
                .header("Authorization", "Bearer " + accessToken(tokens)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(RunningService service, String method, String path, String token, String json)
            throws Exception {
        return client.send(HttpRequest.newBuilder(uri(service, path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken(JsonNode tokens) {
        return tokens.get("access_token").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static URI uri(RunningService service, String path) {
        return URI.create("http://localhost:" + service.port() + path);
    }

    @Test
    void aPasswordChangeThroughOneInstanceEndsTheSessionOnTheOther() throws Exception {
        JsonNode session = passwordGrant(first, "speaker.office", PASSWORD);
        assertThat(me(second, session).statusCode()).as("the session is shared").isEqualTo(200);
        JsonNode refreshed = Http.json(refresh(second, session));

        assertThat(send(second, "PUT", "/users/me/password", accessToken(refreshed),
                "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"Changed-Pass-2\"}").statusCode())
                .isEqualTo(204);

        assertThat(me(first, session).statusCode()).isEqualTo(401);
        assertThat(me(first, refreshed).statusCode()).isEqualTo(401);
        assertThat(refresh(first, refreshed).statusCode()).isEqualTo(401);
        assertThat(me(first, passwordGrant(first, "speaker.office", "Changed-Pass-2")).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminsResetOrDisablingThroughOneInstanceEndsTheSessionOnTheOther() throws Exception {
        String admin = accessToken(passwordGrant(second, "admin", ADMIN_PASSWORD));
        JsonNode beforeReset = passwordGrant(first, "speaker.office", PASSWORD);

        assertThat(send(second, "PATCH", "/users/speaker.office", admin, "{\"password\":\"Reset-Pass-3\"}")
                .statusCode()).isEqualTo(200);

        assertThat(me(first, beforeReset).statusCode()).isEqualTo(401);
        assertThat(refresh(first, beforeReset).statusCode()).isEqualTo(401);

        JsonNode beforeDisabling = passwordGrant(first, "speaker.office", "Reset-Pass-3");
        assertThat(send(second, "PATCH", "/users/speaker.office", admin, "{\"disabled\":true}").statusCode())
                .isEqualTo(200);

        assertThat(refresh(first, beforeDisabling).statusCode()).isEqualTo(401);
        assertThat(me(first, beforeDisabling).statusCode()).as("Inactive user").isEqualTo(403);
        send(second, "PATCH", "/users/speaker.office", admin, "{\"disabled\":false}");
        assertThat(me(first, beforeDisabling).statusCode()).as("re-enabling does not revive the session")
                .isEqualTo(401);
    }

    @Test
    void aRefreshTokenReusedOnTheOtherInstanceEndsTheSessionEverywhere() throws Exception {
        JsonNode session = passwordGrant(first, "speaker.office", PASSWORD);
        JsonNode rotated = Http.json(refresh(first, session));

        assertThat(refresh(second, session).statusCode()).isEqualTo(401);

        assertThat(refresh(first, rotated).statusCode()).isEqualTo(401);
        assertThat(me(first, rotated).statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutOnOneInstanceIsSeenByTheOther() throws Exception {
        JsonNode session = passwordGrant(first, "speaker.office", PASSWORD);

        assertThat(form(second, "/token/revoke", "token=" + encode(session.get("refresh_token").asString()))
                .statusCode()).isEqualTo(200);

        assertThat(me(first, session).statusCode()).isEqualTo(401);
    }
}
