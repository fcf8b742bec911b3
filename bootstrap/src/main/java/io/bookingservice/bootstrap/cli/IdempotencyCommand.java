package io.bookingservice.bootstrap.cli;

import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.periodic.IdempotencyPurge;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.bootstrap.wiring.ServiceContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
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

        private final Optional<SecretSource> secrets;
        private final Map<String, String> environment;

        Purge(Optional<SecretSource> secrets, Map<String, String> environment) {
            this.secrets = secrets;
            this.environment = environment;
        }

        @Override
        public Integer call() {
            int removed;
            try (AnnotationConfigApplicationContext context = ServiceContext.operator(
                    SettingsLoader.load(settingsOptions.asSettings(), environment), secrets, ServiceContext.Needs.ACCOUNTS)) {
                removed = context.getBean(IdempotencyPurge.class).run();
            }
            spec.commandLine().getOut().println("purged " + removed + " idempotency key(s) older than 24 hours");
            return BookingCommand.OK;
        }
    }
}
