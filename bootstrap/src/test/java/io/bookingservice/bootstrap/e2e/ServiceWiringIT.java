package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bookingservice.adapters.web.security.Ed25519SecretFormat;
import io.bookingservice.adapters.web.security.JwtKeyHolder;
import io.bookingservice.adapters.web.security.JwtKeys;
import io.bookingservice.application.error.AuthenticationFailedException;
import io.bookingservice.application.port.in.GetBookingUseCase;
import io.bookingservice.application.port.in.LogInUseCase;
import io.bookingservice.application.port.in.OperateAccountsUseCase;
import io.bookingservice.bootstrap.BookingApplication;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.database.Database;
import io.bookingservice.bootstrap.secrets.PasswordRole;
import io.bookingservice.bootstrap.secrets.StubSecretsManager;
import io.bookingservice.bootstrap.server.RunningService;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.User;
import io.bookingservice.migrations.testing.LegacyFixture;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The service started in-process exactly as {@code serve} starts it (root context, migrations,
 * keys, first admin, Jetty with the web adapter on a free port) and driven over HTTP.
 */
class ServiceWiringIT {


    @TempDir
    Path dataDirectory;

    /** The SDK's default chains read these: the production code path, with dummy values. */
    @BeforeAll
    static void awsDefaults() {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void clearAwsDefaults() {
        System.clearProperty("aws.region");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void devModeAdoptsTheLegacyDatabaseFromSecretsManagerAndSurvivesAPasswordRotation() throws Exception {
        assumeThat(TestPostgres.isExternal()).as("rewrites the embedded server's pg_hba.conf").isFalse();
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        PasswordRole role = PasswordRole.create(db, "first-Pass-1");
        try (StubSecretsManager stub = new StubSecretsManager()) {
            stub.put("db_connection_string_dev", role.url("first-Pass-1"));
            stub.put("private_key_dev", resource("/legacy-jwt/private_key_test"));
            stub.put("public_key_dev", resource("/legacy-jwt/public_key_test"));

            RunningService service = start(Map.of("ENV", "dev", "AWS_ENDPOINT_URL_SECRETS_MANAGER", stub.endpoint().toString()));
            try {
                Http http = new Http(service.port());
                String token = http.token("admin", "Admin-Pass-2024!");
                HttpResponse<String> all = http.get("/booking/", token);
                assertThat(all.statusCode()).isEqualTo(200);
                assertThat(Http.json(all).get("bookings")).extracting(b -> b.get("id").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
                String legacyToken = pythonShapedAdminToken();
                HttpResponse<String> one = http.get("/booking/1/", legacyToken);
                assertThat(one.statusCode()).isEqualTo(200);
                assertThat(Http.json(one).get("topic").asString()).isEqualTo("Statistical Learning");
                assertThat(Http.json(one).get("event_time").asString()).isEqualTo("2024-11-05T14:00:00Z");
                assertThat(http.get("/ping/", null).body()).contains("\"ok\"");
                assertThat(http.get("/booking/1/", resource("/legacy-jwt/requester-token-expired.jwt").strip()).statusCode()).isEqualTo(401);
                // Issue 9 §6: signed with the real key, but no Python token lived longer than 30 minutes.
                assertThat(http.get("/booking/1/", resource("/legacy-jwt/admin-token-valid-until-2035.jwt").strip()).statusCode()).isEqualTo(401);

                User admin = service.context().getBean(LogInUseCase.class).logIn("admin", "Admin-Pass-2024!");
                Jwt legacy = service.context().getBean(JwtDecoder.class).decode(legacyToken);
                assertThat(legacy.getSubject()).isEqualTo("admin");
                assertThat(service.context().getBean(OperateAccountsUseCase.class).listAll()).hasSize(3);
                assertLegacyBookingsUnchanged(service.context().getBean(GetBookingUseCase.class), admin);

                int readsBefore = stub.calls("GetSecretValue");
                role.changePassword("second-Pass-2");
                stub.put("db_connection_string_dev", role.url("second-Pass-2"));
                service.context().getBean(Database.class).dataSource().unwrap(HikariDataSource.class)
                        .getHikariPoolMXBean().softEvictConnections();

                HttpResponse<String> afterRotation = http.get("/booking/3/", token);
                assertThat(afterRotation.statusCode()).isEqualTo(200);
                assertThat(Http.json(afterRotation).get("status").asString()).isEqualTo("rejected");
                assertThat(stub.calls("GetSecretValue")).isGreaterThan(readsBefore);
            } finally {
                service.stop();
            }
        }
    }

    @Test
    void restartWithTheSameDataDirectoryKeepsTheDatabaseTheAdminAndTheKeys() throws Exception {
        String firstKid;
        String firstToken;
        RunningService first = start(Map.of("BOOKING_ADMIN_PASSWORD", "First-Pass-2024"));
        try {
            firstKid = first.context().getBean(JwtKeyHolder.class).current().currentKid();
            Http http = new Http(first.port());
            firstToken = http.token("admin", "First-Pass-2024");
            assertThat(http.send("POST", "/booking/", firstToken, BOOKING).statusCode()).isEqualTo(201);
        } finally {
            first.stop();
        }

        RunningService second = start(Map.of("BOOKING_ADMIN_PASSWORD", "Other-Pass-2024"));
        try {
            LogInUseCase logIn = second.context().getBean(LogInUseCase.class);
            assertThat(logIn.logIn("admin", "First-Pass-2024").username().value()).isEqualTo("admin");
            assertThatThrownBy(() -> logIn.logIn("admin", "Other-Pass-2024")).isInstanceOf(AuthenticationFailedException.class);
            assertThat(second.context().getBean(JwtKeyHolder.class).current().currentKid()).isEqualTo(firstKid);
            HttpResponse<String> kept = new Http(second.port()).get("/booking/", firstToken);
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(Http.json(kept).get("bookings")).singleElement()
                    .satisfies(b -> assertThat(b.get("topic").asString()).isEqualTo("Kept across restarts"));
            assertThat(dataDirectory.resolve("postgres/PG_VERSION")).exists();
        } finally {
            second.stop();
        }
    }

    @Test
    void keysGenerateMigrateAndRotatePasswordPrepareADevServiceThatLogsTheUserIn() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        try (StubSecretsManager stub = new StubSecretsManager()) {
            Map<String, String> environment = Map.of("ENV", "dev", "DATABASE_URL", url(db),
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", stub.endpoint().toString(), "BOOKING_DATA_DIR", dataDirectory.toString());

            assertThat(BookingApplication.run(new String[] {"keys", "generate"}, environment)).isZero();
            assertThat(BookingApplication.run(new String[] {"migrate", "upgrade"}, environment)).isZero();
            assertThat(BookingApplication.run(new String[] {"users", "rotate-password", "--env", "dev", "--username", "alice",
                    "--role", "admin"}, environment)).isZero();

            RunningService service = RunningService.start(SettingsLoader.load(Map.of("PORT", "0", "BOOKING_SHUTDOWN_GRACE", "0"), environment),
                    BookingApplication.WEB_LAYER, Optional.empty(), System.out);
            try {
                Http http = new Http(service.port());
                String token = http.token("alice", stub.current("alice_password_dev"));
                HttpResponse<String> me = http.get("/users/me", token);
                assertThat(me.statusCode()).isEqualTo(200);
                assertThat(Http.json(me).get("role").asString()).isEqualTo("admin");
                assertThat(service.context().getBean(JwtKeyHolder.class).current().currentKid())
                        .isEqualTo(JwtKeys.fromSecrets(stub.current("private_key_dev"), stub.current("public_key_dev")).currentKid());
            } finally {
                service.stop();
            }
        }
    }

    private static String url(TestDatabase db) {
        return db.jdbcUrl() + "?user=" + db.user() + (db.password().isEmpty() ? "" : "&password=" + db.password());
    }

    @Test
    void originalFlowsOverHttpOnPostgres() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        RunningService service = start(Map.of("ENV", "test", "DATABASE_URL_TEST", url(db), "BOOKING_ADMIN_PASSWORD", "Admin-Pass-2024!",
                "BOOKING_DB_POOL_SIZE", "5"));
        try {
            Http http = new Http(service.port());
            String admin = http.token("admin", "Admin-Pass-2024!");
            assertThat(http.send("POST", "/users", admin,
                    "{\"username\":\"speaker.office\",\"password\":\"Requester-Pass-1\",\"role\":\"requester\"}").statusCode())
                    .isEqualTo(201);
            String requester = http.token("speaker.office", "Requester-Pass-1");

            HttpResponse<String> submitted = http.send("POST", "/booking/", requester, BOOKING);
            assertThat(submitted.statusCode()).isEqualTo(201);
            long id = Http.json(submitted).get("id").asLong();
            assertThat(Http.json(submitted).get("status").asString()).isEqualTo("pending");
            assertThat(http.send("POST", "/booking/" + id + "/accept", requester, "").statusCode()).isEqualTo(403);
            assertThat(Http.json(http.get("/booking/", requester)).get("bookings")).hasSize(1);

            HttpResponse<String> accepted = http.send("POST", "/booking/accept/", admin, "{\"id\":" + id + "}");
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(Http.json(accepted).get("status").asString()).isEqualTo("accepted");
            long overlapping = Http.json(http.send("POST", "/booking/", admin, BOOKING)).get("id").asLong();
            assertThat(http.send("POST", "/booking/accept/", admin, "{\"id\":" + overlapping + "}").statusCode()).isEqualTo(409);

            assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(200);
            assertThat(http.get("/booking/", null).statusCode()).isEqualTo(401);

            assertThat(http.get("/metrics", null).statusCode()).isEqualTo(404);
            HttpResponse<String> metrics = new Http(service.managementPort().orElseThrow()).get("/metrics", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .containsPattern("hikaricp_connections_active\\{[^}]*pool=\"booking-db\"")
                    // BOOKING_DB_POOL_SIZE reached the pool (Prometheus prints gauges as 5.0).
                    .containsPattern("(?m)^hikaricp_connections_max\\{[^}]*pool=\"booking-db\"[^}]*} 5(\\.0)?$")
                    .containsPattern("booking_decisions_total\\{[^}]*decision=\"accept")
                    .contains("http_server_requests_seconds_count");
        } finally {
            service.stop();
        }
    }

    private static final String BOOKING = "{\"event_time\":\"2031-03-04T10:00:00Z\",\"address\":{\"street\":\"1 Main St\","
            + "\"city\":\"Springfield\",\"state\":\"IL\",\"country\":\"USA\"},\"topic\":\"Kept across restarts\","
            + "\"duration_minutes\":60,\"requested_by\":\"office@example.com\"}";

    private RunningService start(Map<String, String> extra) throws Exception {
        // A generous throttle budget, as in SharedThrottleIT: on a loaded CI machine the throttle pool's
        // first connection may take longer than the 200 ms default, and this test is about wiring, not latency.
        Map<String, String> environment = new HashMap<>(Map.of("PORT", "0", "BOOKING_DATA_DIR", dataDirectory.toString(),
                "BOOKING_SHUTDOWN_GRACE", "0", "BOOKING_THROTTLE_TIMEOUT", "5000"));
        environment.putAll(extra);
        return RunningService.start(SettingsLoader.load(Map.of(), environment), BookingApplication.WEB_LAYER, Optional.empty(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** What the Python service stored (fixtures/legacy-alembic-database.inserts.sql), read back through the use case. */
    private static void assertLegacyBookingsUnchanged(GetBookingUseCase bookings, User admin) {
        Booking one = bookings.get(new BookingId(1), admin);
        assertThat(one.request().eventTime()).isEqualTo(Instant.parse("2024-11-05T14:00:00Z"));
        assertThat(one.request().address().city()).isEqualTo("Cupertino");
        assertThat(one.request().address().state()).isEqualTo("CA");
        assertThat(one.request().address().country()).isEqualTo("United States");
        assertThat(one.request().durationMinutes()).isEqualTo(60);
        assertThat(one.request().topic()).isEqualTo("Statistical Learning");
        assertThat(one.request().requestedBy()).isEqualTo("events@example.com");
        assertThat(one.status()).isEqualTo(BookingStatus.ACCEPTED);
        assertThat(one.audit().createdAt()).isNull();
        assertThat(one.audit().submittedBy()).isNull();

        assertThat(bookings.get(new BookingId(2), admin).status()).isEqualTo(BookingStatus.ACCEPTED);
        assertThat(bookings.get(new BookingId(2), admin).request().address().state()).isNull();
        assertThat(bookings.get(new BookingId(3), admin).status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(bookings.get(new BookingId(4), admin).request().eventTime())
                .isEqualTo(Instant.parse("2025-01-15T18:00:00Z"));
        Booking five = bookings.get(new BookingId(5), admin);
        assertThat(five.request().eventTime()).isEqualTo(Instant.parse("2025-02-20T10:15:00.25Z"));
        assertThat(five.request().durationMinutes()).isEqualTo(120);
        assertThat(five.request().address().city()).isEqualTo("Lisboa");
        assertThat(five.status()).isEqualTo(BookingStatus.PENDING);
    }

    /** A token as the Python service minted it, now: {@code {"alg":"EdDSA","typ":"JWT"}}, sub, role, exp = now + 30 min. */
    private static String pythonShapedAdminToken() throws IOException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"admin\",\"role\":\"admin\",\"exp\":"
                        + Instant.now().plus(Duration.ofMinutes(30)).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        Ed25519PrivateKeyParameters key = Ed25519SecretFormat.parsePrivateKey(resource("/legacy-jwt/private_key_test"));
        byte[] message = signingInput.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        key.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return signingInput + "." + b64.encodeToString(signature);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ServiceWiringIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
