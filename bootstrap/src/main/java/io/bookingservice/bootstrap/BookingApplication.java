package io.bookingservice.bootstrap;

import io.bookingservice.adapters.persistence.mybatis.MyBatisPersistence;
import io.bookingservice.adapters.web.WebApiConfiguration;
import io.bookingservice.adapters.web.WebSecurityConfiguration;
import io.bookingservice.bootstrap.cli.BookingCommand;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.server.JettyRequestFailures;
import io.bookingservice.bootstrap.server.LogFormatting;
import io.bookingservice.bootstrap.server.RunningService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
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
        if (args.length == 1 && CDS_TRAINING.equals(args[0])) {
            return trainClassDataSharing();
        }
        if (args.length > 0 && OPERATOR_COMMANDS.contains(args[0])) {
            LogFormatting.toStandardError();
        }
        CommandLine cli = BookingCommand.create(environment, BookingApplication::serve, Optional.empty());
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

    /**
     * The training run of class-data sharing, not a user command (it is in no help text):
     * {@code ./booking} and the {@code Dockerfile} run {@code java -XX:ArchiveClassesAtExit=booking.jsa
     * -jar booking.jar cds-training} after each build, and later starts map the classes a start
     * loads from that archive instead of reading, parsing and verifying them again (see
     * docs/operations.md, "Start-up time"). It starts the service with in-memory persistence on a
     * free port in a scratch data directory and stops it at once, then builds the MyBatis
     * persistence over an unconnected PostgreSQL data source; its log goes wherever the caller
     * sends it.
     */
    static final String CDS_TRAINING = "cds-training";

    private static int trainClassDataSharing() {
        Path data = null;
        try {
            data = Files.createTempDirectory("booking-cds-training");
            Settings settings = SettingsLoader.load(Map.of("BOOKING_PERSISTENCE", "memory", "PORT", "0",
                    "BOOKING_DATA_DIR", data.toString(), "BOOKING_SHUTDOWN_GRACE", "0",
                    "BOOKING_ADMIN_PASSWORD", "cds-training-" + UUID.randomUUID()), Map.of());
            RunningService.start(settings, WEB_LAYER, Optional.empty(), System.err).stop();
            // What an in-memory start never loads but a start against PostgreSQL does: MyBatis
            // reading its mappers (no connection is made) and the PostgreSQL driver.
            MyBatisPersistence.create(new PGSimpleDataSource());
            return BookingCommand.OK;
        } catch (Exception e) {
            System.err.println("booking: the class-data sharing training run failed: " + e);
            return BookingCommand.FAILURE;
        } finally {
            deleteTree(data);
        }
    }

    private static void deleteTree(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("booking: could not remove " + directory + ": " + e.getMessage());
        }
    }

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
}
