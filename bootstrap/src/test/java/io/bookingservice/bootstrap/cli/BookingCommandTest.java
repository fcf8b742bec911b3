package io.bookingservice.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.bootstrap.config.Environment;
import io.bookingservice.adapters.web.security.Ed25519SecretFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingCommandTest {

    @TempDir
    Path dir;

    @TempDir
    Path data;

    private CommandLineHarness cli;

    @BeforeEach
    void harness() {
        cli = new CommandLineHarness(null, null, data.resolve("booking-data"));
    }

    @Test
    void noCommandServesWithTheEnvironmentsSettings() {
        assertThat(cli.run(Map.of("PORT", "9001"))).isZero();

        assertThat(cli.served).singleElement().satisfies(s -> assertThat(s.port()).isEqualTo(9001));
    }

    @Test
    void serveOptionsBeatTheEnvironment() {
        assertThat(cli.run(Map.of("PORT", "9001", "ENV", "dev"), "serve", "--port", "9002", "--env", "test",
                "--persistence", "memory", "--no-migrate-on-start")).as(cli.err.toString()).isZero();

        assertThat(cli.served).singleElement().satisfies(s -> {
            assertThat(s.port()).isEqualTo(9002);
            assertThat(s.environment()).isEqualTo(Environment.TEST);
            assertThat(s.migrateOnStart()).isFalse();
        });
    }

    @Test
    void bogusEnvExitsWithStatus2AndOneLineNamingTheAllowedValues() {
        assertThat(cli.run(Map.of("ENV", "bogus"))).isEqualTo(2);

        assertThat(cli.err.toString()).isEqualTo(
                "booking: ENV='bogus' is not allowed; ENV must be one of local, dev, prod, test (default local)" + System.lineSeparator());
        assertThat(cli.served).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(cli.run(Map.of(), "serve", "--frobnicate")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--frobnicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "migrate", "migrate upgrade", "migrate downgrade", "migrate current", "migrate history",
            "migrate new", "migrate check", "users", "users upsert", "users rotate-password",
            "users disable", "users list", "keys", "keys generate"})
    void everyCommandHasHelp(String command) {
        String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");

        assertThat(cli.run(Map.of(), args)).isZero();
        assertThat(cli.out.toString()).startsWith("Usage: booking");
    }

    @Test
    void migrateRefusesAnUnparseableDatabaseUrlWithoutEchoingIt() {
        assertThat(cli.run(Map.of("DATABASE_URL", "mysql://root:hunter2@h/db"), "migrate", "current")).isNotZero();

        assertThat(cli.out.toString() + cli.err).contains("mysql").doesNotContain("hunter2");
    }

    @Test
    void serveOptionsAreTakenWithoutTheWordServe() {
        assertThat(cli.run(Map.of("PORT", "9001"), "--port", "0", "--persistence", "memory")).as(cli.err.toString()).isZero();

        assertThat(cli.served).singleElement().satisfies(s -> assertThat(s.port()).isZero());
    }

    @Test
    void keysGenerateWritesAWorkingPairInThePythonFormat() throws Exception {
        assertThat(cli.run(Map.of(), "keys", "generate", "--env", "dev", "--out", dir.toString())).isZero();

        String privateSecret = Files.readString(dir.resolve("private_key_dev"));
        String publicSecret = Files.readString(dir.resolve("public_key_dev"));
        assertThat(pem(privateSecret)).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(pem(publicSecret)).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(Files.getPosixFilePermissions(dir.resolve("private_key_dev")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(isPair(privateSecret, publicSecret)).isTrue();
        assertThat(cli.out.toString()).doesNotContain(Files.readString(dir.resolve("private_key_dev")));
    }

    @Test
    void keysGenerateWithOutTouchesNoDatabaseAndNoSecretsManager() {
        // Local mode, whose database is the embedded one: were it started, the data directory would exist.
        assertThat(cli.run(Map.of(), "keys", "generate", "--out", dir.toString())).as(cli.err.toString()).isZero();
        // ENV=test without DATABASE_URL: loading the database settings alone would be a usage error.
        assertThat(cli.run(Map.of("ENV", "test"), "keys", "generate", "--out", dir.resolve("test").toString()))
                .as(cli.err.toString()).isZero();

        assertThat(dir.resolve("private_key_local")).exists();
        assertThat(dir.resolve("test/private_key_test")).exists();
        assertThat(data.resolve("booking-data")).doesNotExist();
    }

    @Test
    void revokingThePreviousKeyOfKeyFilesIsAUsageError() {
        assertThat(cli.run(Map.of(), "keys", "generate", "--env", "dev", "--out", dir.toString(), "--revoke-previous")).isEqualTo(2);

        assertThat(cli.err.toString()).contains("--revoke-previous applies to Secrets Manager");
        assertThat(dir.resolve("private_key_dev")).doesNotExist();
    }

    @Test
    void legacyFixtureKeysHaveTheFormatKeysGenerateWrites() throws Exception {
        // The Python service's own test keys: what we write must look exactly like this.
        String privateSecret = resource("/legacy-jwt/private_key_test");
        String publicSecret = resource("/legacy-jwt/public_key_test");

        assertThat(isPair(privateSecret, publicSecret)).isTrue();
        Ed25519SecretFormat.EncodedKeyPair generated = Ed25519SecretFormat.generate(new java.security.SecureRandom());
        assertThat(generated.privateKeySecret()).hasSameSizeAs(privateSecret.strip());
        assertThat(generated.publicKeySecret()).hasSameSizeAs(publicSecret.strip());
    }

    /** The private key's own public half is the stored public key. */
    static boolean isPair(String privateSecret, String publicSecret) {
        return Arrays.equals(Ed25519SecretFormat.parsePrivateKey(privateSecret).generatePublicKey().getEncoded(),
                Ed25519SecretFormat.parsePublicKey(publicSecret).getEncoded());
    }

    private static String pem(String secret) {
        return new String(Base64.getDecoder().decode(secret.strip()), StandardCharsets.US_ASCII);
    }

    private static String resource(String name) throws Exception {
        try (var in = BookingCommandTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
