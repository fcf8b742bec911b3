package io.bookingservice.bootstrap;

import io.bookingservice.bootstrap.cli.BookingCommand;
import io.bookingservice.bootstrap.cli.OperatorServices;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.secrets.AwsSecretSource;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.bootstrap.config.InvalidSettingsException;
import io.bookingservice.bootstrap.config.Persistence;
import io.bookingservice.bootstrap.database.Database;
import io.bookingservice.bootstrap.server.LogFormatting;
import io.bookingservice.bootstrap.server.RunningService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code java -jar booking.jar [serve|migrate|users|keys] …}: see {@link BookingCommand}. */
public final class BookingApplication {

    private BookingApplication() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    /** Runs one command to completion and returns its exit status; tests call this in-process. */
    public static int run(String[] args, Map<String, String> environment) {
        return BookingCommand.create(environment, BookingApplication::serve, BookingApplication::migrate, new Production())
                .execute(args);
    }

    /**
     * The web adapter's configuration classes. Empty until the web adapter's API configuration
     * is merged: the server then starts, but every route answers 404.
     */
    static final RunningService.WebLayer WEB_LAYER = new RunningService.WebLayer(List.of(), false);

    private static int serve(Settings settings) throws Exception {
        LogFormatting.apply(settings.logFormat());
        RunningService service = RunningService.start(settings, WEB_LAYER, Optional.empty(), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop();
            // SIGTERM otherwise ends the JVM with status 143; a completed drain is a clean exit.
            Runtime.getRuntime().halt(BookingCommand.OK);
        }, "graceful-shutdown"));
        service.awaitStopped();
        return BookingCommand.OK;
    }

    private static void migrate(Settings settings) {
        if (settings.persistence() != Persistence.POSTGRES) {
            throw new InvalidSettingsException("migrate needs BOOKING_PERSISTENCE=postgres");
        }
        try (Database database = Database.open(settings, () -> AwsSecretSource.create(settings.secretsEndpoint()), 2)) {
            database.migrations().upgrade();
        }
    }

    /** The operator commands against the real Secrets Manager and database. */
    private static final class Production implements OperatorServices {

        @Override
        public SecretSource secrets(Settings settings) {
            return AwsSecretSource.create(settings.secretsEndpoint());
        }

        @Override
        public Accounts accounts(Settings settings) {
            throw new UnsupportedOperationException("the users commands need the persistence and password adapters, not wired yet");
        }
    }
}
