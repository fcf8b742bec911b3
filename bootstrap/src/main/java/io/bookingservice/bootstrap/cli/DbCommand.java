package io.bookingservice.bootstrap.cli;

import io.bookingservice.bootstrap.config.InvalidSettingsException;
import io.bookingservice.bootstrap.config.RefusedException;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.database.EmbeddedDatabase;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Local mode's embedded PostgreSQL, for developers. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Local mode's embedded PostgreSQL.")
final class DbCommand {

    @Command(name = "url", mixinStandardHelpOptions = true,
            description = {"Print the URL of the running embedded PostgreSQL (without its password, which is in",
                    "BOOKING_DATA_DIR/" + EmbeddedDatabase.PASSWORD_FILE + "), e.g. for:",
                    "  PGPASSWORD=$(cat booking-data/" + EmbeddedDatabase.PASSWORD_FILE + ") psql \"$(./booking db url)\""})
    static final class Url implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOptions settingsOptions;

        private final Map<String, String> environment;

        Url(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            Settings settings = SettingsLoader.load(settingsOptions.asSettings(), environment);
            if (!settings.embeddedDatabase()) {
                throw new InvalidSettingsException("there is no embedded PostgreSQL with these settings"
                        + " (it runs only with ENV=local, BOOKING_PERSISTENCE=postgres and no DATABASE_URL)");
            }
            Optional<Integer> port = EmbeddedDatabase.runningPort(settings.dataDirectory());
            if (port.isEmpty()) {
                throw new RefusedException("the embedded PostgreSQL in " + settings.dataDirectory().resolve("postgres")
                        + " is not running; start the service (./booking) and ask again");
            }
            spec.commandLine().getOut().println(EmbeddedDatabase.libpqUrl(port.get()));
            return 0;
        }
    }
}
