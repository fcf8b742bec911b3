package io.bookingservice.bootstrap.cli;

import io.bookingservice.bootstrap.config.InvalidSettingsException;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.cli.migrate.MigrateCommand;
import io.bookingservice.domain.ValidationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code booking}: the one artifact's command line. Without a subcommand it serves.
 * Exit status: 0 ok, 1 failure, 2 usage or configuration error.
 */
@Command(name = "booking", mixinStandardHelpOptions = true, version = "booking-service 0.1.0",
        description = "The booking service and its operator tools. Without a command: serve.")
public final class BookingCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(BookingCommand.class);

    /** Runs the HTTP service until it is stopped; returns the exit status. */
    @FunctionalInterface
    public interface Serving {
        int serve(Settings settings) throws Exception;
    }

    private final Serve serve;

    private BookingCommand(Serve serve) {
        this.serve = serve;
    }

    @Override
    public Integer call() throws Exception {
        return serve.call();
    }

    /** The command line with every subcommand, wired to the given services. */
    public static CommandLine create(Map<String, String> environment, Serving serving, OperatorServices services) {
        Serve serve = new Serve(serving, environment);
        CommandLine commandLine = new CommandLine(new BookingCommand(serve));
        commandLine.addSubcommand("serve", serve);
        commandLine.addSubcommand("migrate", new CommandLine(
                new MigrateCommand(new ServiceConnectionResolver(environment, services::secrets), Path.of(""))));
        commandLine.addSubcommand("users", new CommandLine(new UsersCommand())
                .addSubcommand("upsert", new UsersCommand.Upsert(services, environment))
                .addSubcommand("rotate-password", new UsersCommand.RotatePassword(services, environment))
                .addSubcommand("disable", new UsersCommand.Disable(services, environment))
                .addSubcommand("list", new UsersCommand.ListUsers(services, environment)));
        commandLine.addSubcommand("keys", new CommandLine(new KeysCommand())
                .addSubcommand("generate", new KeysCommand.Generate(services, environment)));
        commandLine.addSubcommand("idempotency", new CommandLine(new IdempotencyCommand())
                .addSubcommand("purge", new IdempotencyCommand.Purge(services, environment)));
        commandLine.setExecutionExceptionHandler(BookingCommand::failed);
        return commandLine;
    }

    /**
     * One line on standard error, no stack trace: configuration errors are the operator's to
     * fix (status 2); anything else is logged with its cause and ends with status 1.
     */
    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof InvalidSettingsException) {
            err.println("booking: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof ValidationException invalid) {
            err.println("booking: " + commandLine.getCommandName() + ": " + OperatorWording.describe(invalid));
            return USAGE;
        }
        LOG.error("{} failed", commandLine.getCommandName(), e);
        err.println("booking: " + commandLine.getCommandName() + " failed: " + e.getMessage());
        return FAILURE;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP service (the default).")
    static final class Serve implements Callable<Integer> {

        @Mixin
        SettingsOptions settingsOptions = new SettingsOptions();

        @Option(names = "--port", description = "HTTP port (default: $PORT, else 8000; 0 picks a free one)")
        Integer port;

        @Option(names = "--data-dir", description = "local mode's data directory (default: $BOOKING_DATA_DIR, else ./booking-data)")
        String dataDirectory;

        @Option(names = "--persistence", description = "postgres or memory (default: $BOOKING_PERSISTENCE, else postgres)")
        String persistence;

        @Option(names = "--migrate-on-start", negatable = true, description = "apply migrations at start (default: on)")
        Boolean migrateOnStart;

        private final Serving serving;
        private final Map<String, String> environment;

        Serve(Serving serving, Map<String, String> environment) {
            this.serving = serving;
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            Map<String, String> options = settingsOptions.asSettings();
            if (port != null) {
                options.put("PORT", port.toString());
            }
            if (dataDirectory != null) {
                options.put("BOOKING_DATA_DIR", dataDirectory);
            }
            if (persistence != null) {
                options.put("BOOKING_PERSISTENCE", persistence);
            }
            if (migrateOnStart != null) {
                options.put("BOOKING_MIGRATE_ON_START", migrateOnStart ? "on" : "off");
            }
            return serving.serve(SettingsLoader.load(options, environment));
        }
    }
}
