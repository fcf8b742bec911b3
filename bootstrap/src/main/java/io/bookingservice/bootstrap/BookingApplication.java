package io.bookingservice.bootstrap;

import io.bookingservice.bootstrap.cli.BookingCommand;
import io.bookingservice.bootstrap.cli.OperatorServices;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.secrets.AwsSecretSource;
import io.bookingservice.bootstrap.secrets.SecretSource;
import java.util.Map;

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

    private static int serve(Settings settings) {
        throw new UnsupportedOperationException("serving is not wired yet");
    }

    private static void migrate(Settings settings) {
        throw new UnsupportedOperationException("migrations are not wired yet");
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
