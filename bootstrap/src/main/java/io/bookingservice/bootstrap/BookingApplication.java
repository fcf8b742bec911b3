package io.bookingservice.bootstrap;

import io.bookingservice.adapters.web.WebApiConfiguration;
import io.bookingservice.adapters.web.WebSecurityConfiguration;
import io.bookingservice.bootstrap.cli.BookingCommand;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.server.JettyRequestFailures;
import io.bookingservice.bootstrap.server.LogFormatting;
import io.bookingservice.bootstrap.server.RunningService;
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
