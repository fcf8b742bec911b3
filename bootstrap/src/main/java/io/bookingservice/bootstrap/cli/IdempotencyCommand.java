package io.bookingservice.bootstrap.cli;

import io.bookingservice.bootstrap.config.SettingsLoader;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Idempotency keys, for operators. The service purges them hourly by itself; this runs the same purge now. */
@Command(name = "idempotency", mixinStandardHelpOptions = true, description = "Manage stored Idempotency-Key responses.")
final class IdempotencyCommand {

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Delete idempotency keys older than 24 hours (what the service does every hour).")
    static final class Purge implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOptions settingsOptions;

        private final OperatorServices services;
        private final Map<String, String> environment;

        Purge(OperatorServices services, Map<String, String> environment) {
            this.services = services;
            this.environment = environment;
        }

        @Override
        public Integer call() {
            int removed = services.purgeIdempotencyKeys(SettingsLoader.load(settingsOptions.asSettings(), environment));
            spec.commandLine().getOut().println("purged " + removed + " idempotency key(s) older than 24 hours");
            return BookingCommand.OK;
        }
    }
}
