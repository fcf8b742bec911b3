package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.bookingservice.bootstrap.secrets.PasswordRole;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator commands of the real artifact reach the database {@code serve} reaches, say which
 * one before acting, and never take a secret from their arguments.
 */
class OperatorProcessIT {

    @TempDir
    Path temp;

    @Test
    void migrateWithAConfigFileOfDatabaseUrlMigratesThatDatabaseAndNotTheEmbeddedOne() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        Path config = temp.resolve("booking.properties");
        Files.writeString(config, "DATABASE_URL=" + url(db) + "\n");

        JarProcess.Result upgrade = JarProcess.run(dataDirectory(), Map.of(), "", "migrate", "-c", config.toString(), "upgrade");

        assertThat(upgrade.status()).as(upgrade.err()).isZero();
        assertThat(upgrade.err()).contains("migrate: database \"" + db.name() + "\" on localhost:",
                "(from DATABASE_URL in " + config + ")");
        assertThat(upgrade.out()).endsWith("upgraded from base to version 11 (11 migration(s))\n");
        assertThat(version(db)).isEqualTo("11");
        assertThat(dataDirectory().resolve("postgres")).doesNotExist();
    }

    @Test
    void migrateWithEnvTestReadsDatabaseUrlTestLikeServe() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();

        JarProcess.Result upgrade = JarProcess.run(dataDirectory(), Map.of("ENV", "test", "DATABASE_URL_TEST", url(db)), "",
                "migrate", "upgrade");

        assertThat(upgrade.status()).as(upgrade.err()).isZero();
        assertThat(upgrade.err()).contains("(from DATABASE_URL_TEST)");
        assertThat(version(db)).isEqualTo("11");
    }

    @Test
    void migrateWithoutADatabaseForEnvTestIsAUsageError() throws Exception {
        JarProcess.Result current = JarProcess.run(dataDirectory(), Map.of("ENV", "test"), "", "migrate", "current");

        assertThat(current.status()).isEqualTo(2);
        assertThat(current.err()).isEqualTo("error: ENV=test needs DATABASE_URL (or DATABASE_URL_TEST); it is not set\n");
    }

    @Test
    void keysGenerateNeedsNoDatabaseUrlAndRefusesToOverwriteWithoutForce() throws Exception {
        Path keys = temp.resolve("keys");

        JarProcess.Result first = JarProcess.run(dataDirectory(), Map.of("ENV", "test"), "",
                "keys", "generate", "--env", "test", "--out", keys.toString());
        assertThat(first.status()).as(first.err()).isZero();
        String privateKey = Files.readString(keys.resolve("private_key_test"));

        JarProcess.Result again = JarProcess.run(dataDirectory(), Map.of("ENV", "test"), "",
                "keys", "generate", "--env", "test", "--out", keys.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).startsWith("booking: keys generate: " + keys.resolve("private_key_test") + " exists;")
                .contains("--force").doesNotContain("\tat ");
        assertThat(Files.readString(keys.resolve("private_key_test"))).isEqualTo(privateKey);

        JarProcess.Result forced = JarProcess.run(dataDirectory(), Map.of("ENV", "test"), "",
                "keys", "generate", "--env", "test", "--out", keys.toString(), "--force");
        assertThat(forced.status()).as(forced.err()).isZero();
        assertThat(Files.readString(keys.resolve("private_key_test"))).isNotEqualTo(privateKey);
    }

    @Test
    void aDatabasePasswordIsReadFromStandardInputNeverFromTheArguments() throws Exception {
        assumeThat(TestPostgres.isExternal()).as("rewrites the embedded server's pg_hba.conf").isFalse();
        TestDatabase db = TestPostgres.createDatabase();
        PasswordRole role = PasswordRole.create(db, "Stdin-Pass-1");
        String withoutPassword = "postgresql://" + role.name() + "@localhost:" + role.port() + "/" + db.name();

        JarProcess.Result inArgv = JarProcess.run(dataDirectory(), Map.of(), "",
                "migrate", "current", "--url", withoutPassword, "--password", "Stdin-Pass-1");
        assertThat(inArgv.status()).isEqualTo(2);
        assertThat(inArgv.err()).startsWith("error: --password is not accepted").doesNotContain("Stdin-Pass-1");

        JarProcess.Result inUrl = JarProcess.run(dataDirectory(), Map.of(), "",
                "migrate", "current", "--url", role.url("Stdin-Pass-1"));
        assertThat(inUrl.status()).isEqualTo(2);
        assertThat(inUrl.err()).startsWith("error: --url must not carry a password").doesNotContain("Stdin-Pass-1");

        JarProcess.Result fromStdin = JarProcess.run(dataDirectory(), Map.of(), "Stdin-Pass-1\n",
                "migrate", "current", "--url", withoutPassword, "--password-stdin");
        assertThat(fromStdin.status()).as(fromStdin.err()).isZero();
        assertThat(fromStdin.out()).isEqualTo("base (head is 11; run: booking migrate upgrade)\n");
        assertThat(fromStdin.err()).contains("(from --url)").doesNotContain("Stdin-Pass-1");
    }

    @Test
    void anExpectedOperatorErrorIsOneLineAndVerboseAddsTheTrace() throws Exception {
        JarProcess.Result quiet = JarProcess.run(dataDirectory(), Map.of("BOOKING_PERSISTENCE", "memory"), "",
                "users", "list");
        assertThat(quiet.status()).isEqualTo(2);
        assertThat(quiet.err().lines().toList()).containsExactly(
                "booking: BOOKING_PERSISTENCE=memory has no database; this command needs BOOKING_PERSISTENCE=postgres");

        JarProcess.Result verbose = JarProcess.run(dataDirectory(), Map.of("BOOKING_PERSISTENCE", "memory"), "",
                "users", "list", "--verbose");
        assertThat(verbose.status()).isEqualTo(2);
        assertThat(verbose.err()).contains("\tat ");
    }

    private Path dataDirectory() {
        return temp.resolve("data");
    }

    private static String url(TestDatabase db) {
        return db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user()
                + (db.password() == null || db.password().isEmpty() ? "" : "&password=" + db.password());
    }

    private static String version(TestDatabase db) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT max(version::int) FROM flyway_schema_history WHERE success")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
