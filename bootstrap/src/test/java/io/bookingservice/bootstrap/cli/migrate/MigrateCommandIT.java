package io.bookingservice.bootstrap.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.migrations.testing.LegacyFixture;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code booking migrate …} end to end on embedded PostgreSQL, as a script would run it. */
class MigrateCommandIT {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void upgradeCurrentHistoryDowngradeSession() {
        TestDatabase db = TestPostgres.createDatabase();

        Run upgrade = migrate(db, "upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.out()).contains("applying V1 booking requests\n", "applying V7 throttle buckets\n",
                "applying V11 filtered pages by status\n", "upgraded from base to version 11 (11 migration(s))");

        assertThat(migrate(db, "current").out()).isEqualTo("11 (head)\n");

        Run downgrade = migrate(db, "downgrade", "-1");
        assertThat(downgrade.exitCode()).isZero();
        assertThat(downgrade.out()).contains("undoing V11 filtered pages by status with U11__filtered_pages_by_status.sql",
                "downgraded from version 11 to version 10 (1 migration(s) undone)");
        assertThat(migrate(db, "current").out()).isEqualTo("10 (head is 11; run: booking migrate upgrade)\n");

        List<String> history = migrate(db, "history").out().lines().toList();
        assertThat(history.get(0)).startsWith("VERSION  STATE").contains("WHEN (UTC)", "DESCRIPTION", "SCRIPT");
        // Header, V1-V10 applied, V11's downgrade (its history row is gone), V11 pending again.
        assertThat(history).hasSize(1 + 10 + 1 + 1);
        assertThat(history.get(1)).matches("1 +applied +SQL +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +booking requests +V1__booking_requests.sql");
        assertThat(history.get(11)).matches("11 +downgraded +UNDO +.* +filtered pages by status +U11__filtered_pages_by_status.sql");
        assertThat(history.get(12)).matches("11 +pending +SQL +filtered pages by status +V11__filtered_pages_by_status.sql");

        assertThat(migrate(db, "upgrade", "+1").out()).contains("upgraded from version 10 to version 11");
    }

    @Test
    void adoptsTheLegacyDatabaseThenReportsHead() {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);

        Run upgrade = migrate(db, "upgrade", "head");

        assertThat(upgrade.exitCode()).isZero();
        assertThat(upgrade.out()).startsWith("adopted Alembic revision 00ba29ba9ef0 as baseline version 2\n")
                .contains("upgraded from version 2 to version 11 (9 migration(s))");
        assertThat(migrate(db, "current").out()).isEqualTo("11 (head)\n");

        Run belowBaseline = migrate(db, "downgrade", "base");
        assertThat(belowBaseline.exitCode()).isEqualTo(MigrateCommand.REFUSED);
        assertThat(belowBaseline.err()).startsWith("migrate: database ").contains("\nrefused: cannot downgrade below version 2");
        assertThat(migrate(db, "current").out()).isEqualTo("11 (head)\n");
    }

    @Test
    void refusesAnUnknownAlembicRevisionNamingIt() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        execute(db, "UPDATE alembic_version SET version_num = 'ffffeeee0000'");

        Run upgrade = migrate(db, "upgrade");

        assertThat(upgrade.exitCode()).isEqualTo(MigrateCommand.REFUSED);
        assertThat(upgrade.err()).contains("unknown Alembic revision 'ffffeeee0000'");
        assertThat(upgrade.out()).isEmpty();
    }

    @Test
    void downgradeRefusalsExitWithOne() throws IOException {
        TestDatabase db = TestPostgres.createDatabase();
        Path migration = Files.createDirectories(temp.resolve("db/migration"));
        Files.createDirectories(temp.resolve("db/undo"));
        Files.writeString(migration.resolve("V1__a.sql"), "CREATE TABLE a (id integer);");
        Path config = temp.resolve("booking.properties");
        Files.writeString(config, "DATABASE_URL=" + url(db) + "\nBOOKING_MIGRATION_LOCATIONS=filesystem:" + migration
                + "\nBOOKING_MIGRATION_UNDO_LOCATION=filesystem:" + temp.resolve("db/undo") + "\n");
        assertThat(migrate(Map.of(), "-c", config.toString(), "upgrade").exitCode()).isZero();

        Run downgrade = migrate(Map.of(), "downgrade", "-1", "--config", config.toString());

        assertThat(downgrade.exitCode()).isEqualTo(MigrateCommand.REFUSED);
        assertThat(downgrade.err()).startsWith("migrate: database ").contains("\nrefused: cannot undo V1: U1__a.sql is missing");
    }

    @Test
    void checkExitsWithOneAndListsTheDrift() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        migrate(db, "upgrade");

        Run clean = migrate(db, "check");
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.out()).endsWith("no drift: the schema matches version 11\n");

        execute(db, "ALTER TABLE booking_requests ADD COLUMN notes text");
        execute(db, "DROP INDEX ix_booking_requests_status_event_time_id");
        execute(db, "DROP INDEX ix_throttle_buckets_expires_at");
        Run drift = migrate(db, "check");
        assertThat(drift.exitCode()).isEqualTo(MigrateCommand.REFUSED);
        assertThat(drift.out()).contains("drift: the schema differs from version 11 (expected ≠ live), 3 difference(s):",
                "  column booking_requests.notes unexpected in live\n",
                "  index ix_booking_requests_status_event_time_id missing in live\n",
                "  index ix_throttle_buckets_expires_at missing in live\n");
    }

    @Test
    void offlineSqlNeedsNoDatabase() {
        Run upgrade = migrate(Map.of(), "upgrade", "--sql");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.out()).startsWith("-- booking migrate upgrade --sql: base -> 11\n")
                .contains("CREATE TABLE IF NOT EXISTS \"public\".\"flyway_schema_history\"",
                        "'V6__idempotency_keys.sql'", "'V7__throttle_buckets.sql'");

        Run downgrade = migrate(Map.of(), "downgrade", "7:-1", "--sql");
        assertThat(downgrade.exitCode()).isZero();
        assertThat(downgrade.out()).startsWith("-- booking migrate downgrade --sql: 7 -> 6\n")
                .contains("DROP TABLE throttle_buckets;").doesNotContain("U6__");

        // Local mode: a connection would have started the embedded PostgreSQL in the data directory.
        assertThat(temp.resolve("booking-data")).doesNotExist();
    }

    @Test
    void newWritesTheScriptPairIntoTheSourceTree() throws IOException {
        Path migration = Files.createDirectories(temp.resolve("migrations/src/main/resources/db/migration"));
        Files.writeString(migration.resolve("V6__idempotency_keys.sql"), "");

        Run created = run(new MigrateCommand(new ServiceConnectionResolver(Map.of("ENV", "test"), noSecrets()), temp),
                "new", "Add booking notes");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(migration.resolve("V7__add_booking_notes.sql")).exists();
        assertThat(temp.resolve("migrations/src/main/resources/db/undo/U7__add_booking_notes.sql")).exists();
        assertThat(created.out()).contains("created ", "V7__add_booking_notes.sql", "U7__add_booking_notes.sql");

        Run missing = migrate(Map.of(), "new", "x", "--dir", temp.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(MigrateCommand.REFUSED);
        assertThat(missing.err()).contains("does not exist");
        assertThat(temp.resolve("booking-data")).doesNotExist();
    }

    @Test
    void databaseUrlFromTheEnvironmentInThePythonServicesForm() {
        TestDatabase db = TestPostgres.createDatabase();
        String pythonUrl = db.jdbcUrl().replace("jdbc:postgresql://", "postgresql+psycopg://" + db.user() + ":"
                + db.password() + "@");

        Run current = migrate(Map.of("DATABASE_URL", pythonUrl), "current");

        assertThat(current.exitCode()).as(current.err()).isZero();
        assertThat(current.out()).isEqualTo("base (head is 11; run: booking migrate upgrade)\n");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(migrate(Map.of(), "downgrade").exitCode()).isEqualTo(MigrateCommand.USAGE);
        assertThat(migrate(Map.of(), "upgrade", "--bogus").exitCode()).isEqualTo(MigrateCommand.USAGE);

        Run noDatabase = migrate(Map.of("ENV", "test"), "current");
        assertThat(noDatabase.exitCode()).isEqualTo(MigrateCommand.USAGE);
        assertThat(noDatabase.err()).isEqualTo("error: ENV=test needs DATABASE_URL (or DATABASE_URL_TEST); it is not set\n");

        Run badSetting = migrate(Map.of("ENV", "test", "DATABASE_URL", "mysql://h/db"), "current");
        assertThat(badSetting.exitCode()).isEqualTo(MigrateCommand.USAGE);
        assertThat(badSetting.err()).startsWith("error: DATABASE_URL: the database URL scheme 'mysql' is not PostgreSQL");

        TestDatabase db = TestPostgres.createDatabase();
        Run badTarget = migrate(db, "upgrade", "latest");
        assertThat(badTarget.exitCode()).isEqualTo(MigrateCommand.USAGE);
        assertThat(badTarget.err()).contains("invalid target 'latest'");
    }

    @Test
    void namesTheDatabaseOnStandardErrorBeforeActingAndNeverItsPassword() {
        TestDatabase db = TestPostgres.createDatabase();

        Run current = migrate(db, "current");

        assertThat(current.exitCode()).as(current.err()).isZero();
        assertThat(current.err()).startsWith("migrate: database \"" + db.name() + "\" on localhost:")
                .contains(" as " + db.user() + " (from DATABASE_URL)\n");
        if (db.password() != null && !db.password().isEmpty()) {
            assertThat(current.err() + current.out()).doesNotContain(db.password());
        }
    }

    @Test
    void aConfigFileWithDatabaseUrlReachesThatDatabase() throws IOException {
        TestDatabase db = TestPostgres.createDatabase();
        Path config = temp.resolve("booking.properties");
        Files.writeString(config, "DATABASE_URL=" + url(db) + "\n");

        Run upgrade = migrate(Map.of(), "-c", config.toString(), "upgrade");

        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.err()).contains("\"" + db.name() + "\"", "(from DATABASE_URL in " + config + ")");
        assertThat(migrate(db, "current").out()).isEqualTo("11 (head)\n");
        // Local mode's default, the embedded database, was never started.
        assertThat(temp.resolve("booking-data")).doesNotExist();
    }

    @Test
    void theOldUrlKeyIsRefusedInsteadOfFallingBackToTheEmbeddedDatabase() throws IOException {
        TestDatabase db = TestPostgres.createDatabase();
        Path config = temp.resolve("booking.properties");
        Files.writeString(config, "url=" + db.jdbcUrl() + "\nuser=" + db.user() + "\n");

        Run upgrade = migrate(Map.of(), "-c", config.toString(), "upgrade");

        assertThat(upgrade.exitCode()).isEqualTo(MigrateCommand.USAGE);
        assertThat(upgrade.err()).startsWith("error: config file " + config + ": 'url' is not a setting;")
                .contains("DATABASE_URL=");
        assertThat(temp.resolve("booking-data")).doesNotExist();
        assertThat(migrate(db, "current").out()).isEqualTo("base (head is 11; run: booking migrate upgrade)\n");
    }

    @Test
    void envTestReadsDatabaseUrlTestAsServeDoes() {
        TestDatabase db = TestPostgres.createDatabase();

        Run upgrade = migrate(Map.of("ENV", "test", "DATABASE_URL_TEST", url(db)), "upgrade");

        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.err()).contains("(from DATABASE_URL_TEST)");
        assertThat(migrate(db, "current").out()).isEqualTo("11 (head)\n");
    }

    @Test
    void aPasswordIsNeverTakenFromTheArguments() {
        TestDatabase db = TestPostgres.createDatabase();

        Run password = migrate(Map.of("DATABASE_URL", url(db)), "current", "--password", "hunter2-in-argv");
        assertThat(password.exitCode()).isEqualTo(MigrateCommand.USAGE);
        assertThat(password.err()).startsWith("error: --password is not accepted").contains("--password-stdin")
                .doesNotContain("hunter2-in-argv");
        assertThat(password.out()).isEmpty();

        Run url = migrate(Map.of(), "current", "--url", "postgresql://booking:hunter2-in-url@localhost:1/db");
        assertThat(url.exitCode()).isEqualTo(MigrateCommand.USAGE);
        assertThat(url.err()).startsWith("error: --url must not carry a password").doesNotContain("hunter2-in-url");

        Run jdbcUrl = migrate(Map.of(), "current", "--url", "jdbc:postgresql://localhost:1/db?password=hunter2-in-query");
        assertThat(jdbcUrl.exitCode()).isEqualTo(MigrateCommand.USAGE);
        assertThat(jdbcUrl.err()).doesNotContain("hunter2-in-query");
    }

    @Test
    void anAlembicDatabaseIsNamedByItsRevisionUntilItIsAdopted() {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);

        Run current = migrate(db, "current");
        assertThat(current.exitCode()).isZero();
        assertThat(current.out()).isEqualTo("base: the database is at Alembic revision 00ba29ba9ef0 (the Python service's),"
                + " not adopted yet; run: booking migrate upgrade (adopts it as version 2) (head is 11)\n");

        Run check = migrate(db, "check");
        assertThat(check.exitCode()).isEqualTo(MigrateCommand.REFUSED);
        assertThat(check.out()).startsWith("not checked: the database is at Alembic revision 00ba29ba9ef0")
                .doesNotContain("difference");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("upgrade", "downgrade", "current", "history", "new", "check")) {
            Run help = migrate(Map.of(), command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).startsWith("Usage: migrate " + command);
        }
        assertThat(migrate(Map.of(), "--help").out()).contains("upgrade", "downgrade", "current", "history", "new",
                "check");
    }

    // ---- support ----

    private Run migrate(TestDatabase db, String... args) {
        return migrate(Map.of("DATABASE_URL", url(db)), args);
    }

    /** The test database's URL with its credentials, as DATABASE_URL takes it. */
    static String url(TestDatabase db) {
        return db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user()
                + (db.password() == null ? "" : "&password=" + db.password());
    }

    private Run migrate(Map<String, String> environment, String... args) {
        Map<String, String> withDataDirectory = new java.util.HashMap<>(environment);
        // Never the developer's ./booking-data: a test that forgets its database gets an empty one.
        withDataDirectory.putIfAbsent("BOOKING_DATA_DIR", temp.resolve("booking-data").toString());
        return run(new MigrateCommand(new ServiceConnectionResolver(withDataDirectory, noSecrets()), Path.of("")), args);
    }

    /** A secret source that fails the test when asked anything: no test here reads Secrets Manager. */
    private static java.util.Optional<io.bookingservice.bootstrap.secrets.SecretSource> noSecrets() {
        return java.util.Optional.of((io.bookingservice.bootstrap.secrets.SecretSource) java.lang.reflect.Proxy.newProxyInstance(
                MigrateCommandIT.class.getClassLoader(), new Class<?>[] {io.bookingservice.bootstrap.secrets.SecretSource.class},
                (proxy, method, arguments) -> {
                    throw new AssertionError("no test here reads Secrets Manager (" + method.getName() + ")");
                }));
    }

    private static Run run(MigrateCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = MigrateCommand.commandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
