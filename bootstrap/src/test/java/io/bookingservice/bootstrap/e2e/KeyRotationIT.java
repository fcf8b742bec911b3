package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.adapters.web.security.Ed25519JwtSigner;
import io.bookingservice.adapters.web.security.JwtKeys;
import io.bookingservice.adapters.web.security.JwtSettings;
import io.bookingservice.bootstrap.BookingApplication;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.secrets.StubSecretsManager;
import io.bookingservice.bootstrap.server.RunningService;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key rotation reaches running instances: two services (A and B) started in-process exactly as
 * {@code serve} starts them, in dev mode on one PostgreSQL database and one Secrets Manager
 * stand-in, re-reading the keys every second. Each wait polls for a condition, bounded by
 * {@link #BOUND}; nothing sleeps for a fixed time.
 */
class KeyRotationIT {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String PASSWORD = "Admin-Pass-2024!";
    private static final String ME = "/users/me";

    @TempDir
    Path dataDirectory;

    private final StubSecretsManager stub = new StubSecretsManager();
    private final List<RunningService> services = new ArrayList<>();
    private TestDatabase db;

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

    @BeforeEach
    void firstKeys() {
        db = TestPostgres.createDatabase();
        assertThat(keysGenerate()).isZero();
    }

    @AfterEach
    void stop() {
        services.forEach(RunningService::stop);
        stub.close();
    }

    @Test
    void afterARotationTokensFromEitherInstanceVerifyOnBothAndOlderOnesStillDo() throws Exception {
        Http a = new Http(start("a").port());
        Http b = new Http(start("b").port());
        String before = a.token("admin", PASSWORD);
        assertThat(b.get(ME, before).statusCode()).isEqualTo(200);

        assertThat(keysGenerate()).isZero();

        String rotatedKid = storedKid();
        awaitSigningWith(rotatedKid);
        String fromA = a.token("admin", PASSWORD);
        String fromB = b.token("admin", PASSWORD);
        assertThat(kidOf(fromA)).isEqualTo(rotatedKid);
        assertThat(kidOf(fromB)).isEqualTo(rotatedKid);
        assertThat(b.get(ME, fromA).statusCode()).isEqualTo(200);
        assertThat(a.get(ME, fromB).statusCode()).isEqualTo(200);
        assertThat(a.get(ME, before).statusCode()).isEqualTo(200);
        assertThat(b.get(ME, before).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutTrustInThePreviousKeyTokensSignedWithItAreRefusedAfterTheRefresh() throws Exception {
        // AWSPREVIOUS exists from the start: it is ignored from the first read on.
        JwtKeys firstKeys = storedKeys();
        assertThat(keysGenerate()).isZero();
        Http a = new Http(start("a", "BOOKING_TRUST_PREVIOUS_KEY", "off").port());
        Http b = new Http(start("b", "BOOKING_TRUST_PREVIOUS_KEY", "off").port());
        assertThat(a.get(ME, signedWith(firstKeys)).statusCode()).isEqualTo(401);
        String before = a.token("admin", PASSWORD);
        assertThat(b.get(ME, before).statusCode()).isEqualTo(200);

        assertThat(keysGenerate()).isZero();

        awaitSigningWith(storedKid());
        assertThat(a.get(ME, before).statusCode()).isEqualTo(401);
        assertThat(b.get(ME, before).statusCode()).isEqualTo(401);
        assertThat(b.get(ME, a.token("admin", PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(a.get(ME, b.token("admin", PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void revokingThePreviousKeyRefusesTokensSignedWithItOnEveryInstance() throws Exception {
        Http a = new Http(start("a").port());
        Http b = new Http(start("b").port());
        String before = b.token("admin", PASSWORD);
        assertThat(a.get(ME, before).statusCode()).isEqualTo(200);

        assertThat(keysGenerate("--revoke-previous")).isZero();

        awaitUntil("the old key is refused by A and B", () -> a.get(ME, before).statusCode() == 401 && b.get(ME, before).statusCode() == 401);
        awaitSigningWith(storedKid());
        String fromA = a.token("admin", PASSWORD);
        String fromB = b.token("admin", PASSWORD);
        assertThat(b.get(ME, fromA).statusCode()).isEqualTo(200);
        assertThat(a.get(ME, fromB).statusCode()).isEqualTo(200);
    }

    @Test
    void aFailedReadKeepsTheKeysInForceAndTheNextRotationStillArrives() throws Exception {
        Http a = new Http(start("a").port());
        Http b = new Http(start("b").port());
        String before = a.token("admin", PASSWORD);
        String kid = kidOf(before);

        stub.failing(true);
        int readsByA = stub.calls("GetSecretValue", "/a");
        int readsByB = stub.calls("GetSecretValue", "/b");
        awaitUntil("A and B tried to re-read the keys", () -> stub.calls("GetSecretValue", "/a") > readsByA
                && stub.calls("GetSecretValue", "/b") > readsByB);

        String fromA = a.token("admin", PASSWORD);
        assertThat(kidOf(fromA)).isEqualTo(kid);
        assertThat(b.get(ME, fromA).statusCode()).isEqualTo(200);
        assertThat(a.get(ME, b.token("admin", PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(b.get(ME, before).statusCode()).isEqualTo(200);

        stub.failing(false);
        assertThat(keysGenerate()).isZero();
        awaitSigningWith(storedKid());
    }

    private RunningService start(String instance, String... settings) throws Exception {
        Map<String, String> environment = environment(instance);
        for (int i = 0; i < settings.length; i += 2) {
            environment.put(settings[i], settings[i + 1]);
        }
        RunningService service = RunningService.start(SettingsLoader.load(Map.of(), environment), BookingApplication.WEB_LAYER,
                Optional.empty(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        services.add(service);
        return service;
    }

    /**
     * Each instance, and the operator, reaches the one stand-in under a path of its own, so that
     * the stand-in can tell who read.
     */
    private Map<String, String> environment(String instance) {
        String url = db.jdbcUrl() + "?user=" + db.user() + (db.password().isEmpty() ? "" : "&password=" + db.password());
        return new HashMap<>(Map.of("ENV", "dev", "DATABASE_URL", url, "PORT", "0", "BOOKING_DATA_DIR", dataDirectory.toString(),
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", stub.endpoint() + "/" + instance, "BOOKING_KEY_REFRESH", "1",
                "BOOKING_ADMIN_PASSWORD", PASSWORD));
    }

    private int keysGenerate(String... options) {
        String[] args = Stream.concat(Stream.of("keys", "generate"), Stream.of(options)).toArray(String[]::new);
        return BookingApplication.run(args, environment("operator"));
    }

    private JwtKeys storedKeys() {
        return JwtKeys.fromSecrets(stub.current("private_key_dev"), stub.current("public_key_dev"));
    }

    private String storedKid() {
        return storedKeys().currentKid();
    }

    /** Waits until every instance signs new tokens with {@code kid}. */
    private void awaitSigningWith(String kid) throws Exception {
        for (RunningService service : services) {
            Ed25519JwtSigner signer = service.context().getBean(Ed25519JwtSigner.class);
            awaitUntil("instance on port " + service.port() + " signs with kid " + kid,
                    () -> kidOf(signer.issue("admin", "admin").tokenValue()).equals(kid));
        }
    }

    /** A token as this service would issue it, signed with {@code keys}. */
    private static String signedWith(JwtKeys keys) {
        return new Ed25519JwtSigner(keys, JwtSettings.defaults("booking-service", "booking-api"), Clock.systemUTC())
                .issue("admin", "admin").tokenValue();
    }

    private static String kidOf(String token) {
        byte[] header = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        return Http.JSON.readTree(header).get("kid").asString();
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + BOUND.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
