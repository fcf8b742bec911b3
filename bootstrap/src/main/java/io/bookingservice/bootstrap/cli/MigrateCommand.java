package io.bookingservice.bootstrap.cli;

import io.bookingservice.bootstrap.config.SettingsLoader;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Schema migrations. Only {@code upgrade} exists so far; downgrade, current, history, new and
 * check arrive with the migration engine (DESIGN §6).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Manage the database schema.")
final class MigrateCommand {

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Apply every pending migration (adopting an Alembic-managed database first).")
    static final class Upgrade implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOptions settingsOptions;

        private final BookingCommand.Migrating migrating;
        private final Map<String, String> environment;

        Upgrade(BookingCommand.Migrating migrating, Map<String, String> environment) {
            this.migrating = migrating;
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            migrating.upgrade(SettingsLoader.load(settingsOptions.asSettings(), environment));
            spec.commandLine().getOut().println("the database is at the latest migration");
            return 0;
        }
    }
}
