package io.bookingservice.bootstrap.cli;

import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.migrations.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Runs the real command line in-process, wired as in production (the operator commands build
 * their context from the service's configurations), with a given secret source and, when given,
 * a test database as DATABASE_URL. The data directory is a scratch one, never ./booking-data.
 */
final class CommandLineHarness {

    final List<Settings> served = new ArrayList<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final SecretSource secrets;
    private final TestDatabase database;
    private final Path dataDirectory;

    /**
     * @param secrets       null: no test reads Secrets Manager (a read fails the test)
     * @param database      null: no DATABASE_URL
     * @param dataDirectory BOOKING_DATA_DIR unless the environment sets it
     */
    CommandLineHarness(SecretSource secrets, TestDatabase database, Path dataDirectory) {
        this.secrets = secrets;
        this.database = database;
        this.dataDirectory = dataDirectory;
    }

    /** DATABASE_URL for {@code database}: its URL with its credentials. */
    static String databaseUrl(TestDatabase database) {
        return database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "user=" + database.user()
                + (database.password() == null ? "" : "&password=" + database.password());
    }

    int run(Map<String, String> environment, String... args) {
        Map<String, String> withDefaults = new HashMap<>(environment);
        withDefaults.putIfAbsent("BOOKING_DATA_DIR", dataDirectory.toString());
        if (database != null) {
            withDefaults.putIfAbsent("DATABASE_URL", databaseUrl(database));
        }
        CommandLine commandLine = BookingCommand.create(withDefaults, settings -> {
            served.add(settings);
            return 0;
        }, Optional.ofNullable(secrets));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
