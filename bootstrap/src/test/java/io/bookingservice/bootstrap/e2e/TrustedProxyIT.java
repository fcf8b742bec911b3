package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.bootstrap.BookingApplication;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.server.RunningService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
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

/**
 * Issue 9 §5 on the real Jetty: the test client plays our TLS-terminating proxy on loopback
 * ({@code BOOKING_TRUSTED_PROXIES=127.0.0.1/32,::1/128}) and forwards two clients.
 */
class TrustedProxyIT {

    private static final String ADMIN_PASSWORD = "Admin-Pass-2024!";

    @TempDir
    Path dataDirectory;

    private final HttpClient client = HttpClient.newHttpClient();
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        service = RunningService.start(SettingsLoader.load(Map.of(), Map.of(
                        "PORT", "0", "BOOKING_PERSISTENCE", "memory", "BOOKING_DATA_DIR", dataDirectory.toString(),
                        "BOOKING_ADMIN_PASSWORD", ADMIN_PASSWORD, "BOOKING_TRUSTED_PROXIES", "127.0.0.1/32, ::1/128",
                        "BOOKING_LOGIN_FLOOR", "0")),
                BookingApplication.WEB_LAYER, Optional.empty(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        service.stop();
    }

    private int login(String username, String password, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void theThrottleCountsEachForwardedClientAndIgnoresWhatTheClientWroteItself() throws Exception {
        // Each attempt writes a fresh left-most address of its own; if that were believed, no
        // attempt would ever be refused. The bucket refills while this runs (slowly on a busy
        // machine), hence "within twice the budget" rather than an exact count.
        int budget = LoginThrottleSettings.DEFAULT.attemptsPerAddress();
        int status = 0;
        for (int i = 0; i < 2 * budget && status != 429; i++) {
            status = login("user" + i, "wrong", "X-Forwarded-For", "192.0.2." + i + ", 198.51.100.7");
            assertThat(status).isIn(401, 429);
        }
        assertThat(status).as("fresh spoofed left-most values do not buy fresh budgets").isEqualTo(429);
        assertThat(login("admin", ADMIN_PASSWORD, "X-Forwarded-For", "198.51.100.8"))
                .as("another client behind the same proxy").isEqualTo(200);
        assertThat(login("admin", ADMIN_PASSWORD, "Forwarded", "for=\"[2001:db8::8]:4711\";proto=https")).isEqualTo(200);
    }

    @Test
    void aBrowserLoginFormOnTheServicesOwnHttpsOriginPassesTheSameOriginCheck() throws Exception {
        assertThat(login("admin", ADMIN_PASSWORD, "X-Forwarded-For", "198.51.100.7", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "api.example.org", "Origin", "https://api.example.org")).isEqualTo(200);
        assertThat(login("admin", ADMIN_PASSWORD, "X-Forwarded-For", "198.51.100.7", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "api.example.org", "Origin", "https://evil.example")).isEqualTo(403);
    }
}
