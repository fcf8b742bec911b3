package io.bookingservice.bootstrap.cli;

import io.bookingservice.bootstrap.config.InvalidSettingsException;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.cli.migrate.MigrateCommand;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.bootstrap.cli.migrate.ServiceConnectionResolver;
import io.bookingservice.bootstrap.config.RefusedException;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.application.error.ApplicationException;
import io.bookingservice.domain.DomainException;
import io.bookingservice.migrations.config.InvalidDatabaseUrlException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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

    /** The service's options, also at the top level: "without a command: serve" takes them too. */
    @Mixin
    ServeOptions serveOptions = new ServeOptions();

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "on failure, also print the stack trace")
    boolean verbose;

    private BookingCommand(Serve serve) {
        this.serve = serve;
    }

    @Override
    public Integer call() throws Exception {
        return serve.run(serveOptions);
    }

    /**
     * The command line with every subcommand. The operator commands build what they need from
     * the service's own configurations ({@link io.bookingservice.bootstrap.wiring.ServiceContext#operator}).
     *
     * @param secrets a secret source to use instead of Secrets Manager (tests); empty: Secrets Manager
     */
    public static CommandLine create(Map<String, String> environment, Serving serving, Optional<SecretSource> secrets) {
        Serve serve = new Serve(serving, environment);
        CommandLine commandLine = new CommandLine(new BookingCommand(serve));
        commandLine.addSubcommand("serve", serve);
        commandLine.addSubcommand("migrate", new CommandLine(
                new MigrateCommand(new ServiceConnectionResolver(environment, secrets), Path.of(""))));
        commandLine.addSubcommand("users", new CommandLine(new UsersCommand())
                .addSubcommand("upsert", new UsersCommand.Upsert(secrets, environment))
                .addSubcommand("rotate-password", new UsersCommand.RotatePassword(secrets, environment))
                .addSubcommand("disable", new UsersCommand.Disable(secrets, environment))
                .addSubcommand("list", new UsersCommand.ListUsers(secrets, environment)));
        commandLine.addSubcommand("keys", new CommandLine(new KeysCommand())
                .addSubcommand("generate", new KeysCommand.Generate(secrets, environment)));
        commandLine.addSubcommand("idempotency", new CommandLine(new IdempotencyCommand())
                .addSubcommand("purge", new IdempotencyCommand.Purge(secrets, environment)));
        commandLine.addSubcommand("db", new CommandLine(new DbCommand())
                .addSubcommand("url", new DbCommand.Url(environment)));
        commandLine.setExecutionExceptionHandler(BookingCommand::failed);
        return commandLine;
    }

    /**
     * One line on standard error: configuration errors are the operator's to fix (status 2),
     * refusals and failures end with status 1. The stack trace only with {@code --verbose} — or,
     * for {@code serve}, in its log when the failure was not an expected one.
     */
    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult.originalArgs().contains("--verbose");
        Throwable expected = expected(e);
        String name = commandName(commandLine);
        if (verbose) {
            e.printStackTrace(err);
        }
        if (expected instanceof InvalidSettingsException) {
            err.println("booking: " + expected.getMessage());
            return USAGE;
        }
        if (expected instanceof ValidationException invalid) {
            err.println("booking: " + name + ": " + OperatorWording.describe(invalid));
            return FAILURE;
        }
        if (expected != null) {
            err.println("booking: " + name + ": " + expected.getMessage());
            return FAILURE;
        }
        if (commandLine.getCommand() instanceof Serve || commandLine.getCommand() instanceof BookingCommand) {
            LOG.error("{} failed", name, e);
        } else if (!verbose) {
            LOG.debug("{} failed", name, e);
        }
        err.println("booking: " + name + " failed: " + e.getMessage() + (verbose ? "" : " (--verbose shows the stack trace)"));
        return FAILURE;
    }

    /** The operator's kind of error somewhere in the cause chain (Spring wraps what a bean throws), else null. */
    private static Throwable expected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingsException || t instanceof RefusedException || t instanceof DomainException
                    || t instanceof ApplicationException || t instanceof InvalidDatabaseUrlException) {
                return t;
            }
        }
        return null;
    }

    private static String commandName(CommandLine commandLine) {
        if (commandLine.getCommand() instanceof BookingCommand) {
            return "serve";
        }
        StringBuilder name = new StringBuilder(commandLine.getCommandName());
        for (CommandLine parent = commandLine.getParent(); parent != null && parent.getParent() != null;
                parent = parent.getParent()) {
            name.insert(0, parent.getCommandName() + " ");
        }
        return name.toString();
    }

    /** What serve takes; see {@link Serve}. */
    static final class ServeOptions {

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

        Map<String, String> asSettings() {
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
            return options;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP service (the default).")
    static final class Serve implements Callable<Integer> {

        @Mixin
        ServeOptions serveOptions = new ServeOptions();

        private final Serving serving;
        private final Map<String, String> environment;

        Serve(Serving serving, Map<String, String> environment) {
            this.serving = serving;
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            return run(serveOptions);
        }

        int run(ServeOptions options) throws Exception {
            return serving.serve(SettingsLoader.load(options.asSettings(), environment));
        }
    }
}
