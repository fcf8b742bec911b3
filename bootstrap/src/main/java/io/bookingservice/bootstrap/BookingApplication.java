package io.bookingservice.bootstrap;

import io.bookingservice.adapters.persistence.mybatis.MyBatisPersistence;
import io.bookingservice.adapters.web.WebApiConfiguration;
import io.bookingservice.adapters.web.WebSecurityConfiguration;
import io.bookingservice.adapters.web.security.Argon2idPasswordHasher;
import io.bookingservice.adapters.web.security.BoundedHashing;
import io.bookingservice.adapters.web.security.BoundedPasswordHasher;
import io.bookingservice.application.port.in.ManageUsersUseCase;
import io.bookingservice.application.port.out.PasswordHasher;
import io.bookingservice.application.service.UserService;
import io.bookingservice.bootstrap.cli.BookingCommand;
import io.bookingservice.bootstrap.cli.OperatorServices;
import io.bookingservice.bootstrap.config.InvalidSettingsException;
import io.bookingservice.bootstrap.config.Persistence;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.secrets.AwsSecretSource;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.bootstrap.database.Database;
import io.bookingservice.bootstrap.periodic.IdempotencyPurge;
import io.bookingservice.bootstrap.server.JettyRequestFailures;
import io.bookingservice.bootstrap.server.LogFormatting;
import io.bookingservice.bootstrap.server.RunningService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/** {@code java -jar booking.jar [serve|migrate|users|keys] …}: see {@link BookingCommand}. */
public final class BookingApplication {

    private static final Set<String> OPERATOR_COMMANDS = Set.of("migrate", "users", "keys", "idempotency");

    private BookingApplication() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    /** Runs one command to completion and returns its exit status; tests call this in-process. */
    public static int run(String[] args, Map<String, String> environment) {
        if (args.length > 0 && OPERATOR_COMMANDS.contains(args[0])) {
            LogFormatting.toStandardError();
        }
        CommandLine cli = BookingCommand.create(environment, BookingApplication::serve, new Production());
        try {
            return cli.execute(args);
        } finally {
            // picocli's writers flush on println only; output printed without a final newline
            // (offline SQL) would otherwise be lost at System.exit.
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /**
     * The web adapter: its API and security configurations, and its filters in the order it asks
     * for; plus the answers to what Jetty itself refuses inside a request ({@link JettyRequestFailures}).
     */
    public static final RunningService.WebLayer WEB_LAYER = new RunningService.WebLayer(
            List.of(WebApiConfiguration.class, WebSecurityConfiguration.class, JettyRequestFailures.class),
            List.of(WebApiConfiguration.REQUEST_FILTER, "springSecurityFilterChain"));

    private static int serve(Settings settings) throws Exception {
        LogFormatting.apply(settings.logFormat());
        RunningService service = RunningService.start(settings, WEB_LAYER, Optional.empty(), System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop();
            // SIGTERM otherwise ends the JVM with status 143; a completed drain is a clean exit.
            Runtime.getRuntime().halt(BookingCommand.OK);
        }, "graceful-shutdown"));
        service.awaitStopped();
        return BookingCommand.OK;
    }

    /** The operator commands against the real Secrets Manager and database. */
    private static final class Production implements OperatorServices {

        @Override
        public SecretSource secrets(Settings settings) {
            return AwsSecretSource.create(settings.secretsEndpoint());
        }

        @Override
        public int purgeIdempotencyKeys(Settings settings) {
            if (settings.persistence() != Persistence.POSTGRES) {
                throw new InvalidSettingsException("the idempotency commands need BOOKING_PERSISTENCE=postgres");
            }
            try (Database database = Database.open(settings, () -> secrets(settings), 2, null)) {
                MyBatisPersistence persistence = MyBatisPersistence.create(database.dataSource());
                return new IdempotencyPurge(persistence.idempotencyStore(), Clock.systemUTC()).run();
            }
        }

        @Override
        public Accounts accounts(Settings settings) {
            Database database = Database.open(settings, () -> secrets(settings), 2, null);
            try {
                MyBatisPersistence persistence = MyBatisPersistence.create(database.dataSource());
                // One operator command hashes one password at a time.
                PasswordHasher hasher = new BoundedPasswordHasher(new Argon2idPasswordHasher(), new BoundedHashing(1, 1, Duration.ofSeconds(1)));
                UserService users = new UserService(persistence.users(), persistence.sessions(), hasher,
                        persistence.transactions(), Clock.systemUTC(), settings.passwordRehash());
                return new Accounts() {
                    @Override
                    public ManageUsersUseCase users() {
                        return users;
                    }

                    @Override
                    public void close() {
                        database.close();
                    }
                };
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
    }
}
