package io.bookingservice.bootstrap.wiring;

import io.bookingservice.application.port.in.ManageUsersUseCase;
import io.bookingservice.bootstrap.config.Persistence;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.secrets.SecretSource;
import java.io.PrintStream;
import java.util.Optional;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The service's root Spring context: settings, persistence (chosen by BOOKING_PERSISTENCE),
 * the core services, security and metrics. The web adapter's context is its child.
 */
public final class ServiceContext {

    private ServiceContext() {
    }

    /**
     * Builds and refreshes the root context: opens the database, migrates, loads the keys and
     * creates the first admin, so that a failure happens before any port is opened.
     *
     * @param secrets a secret source to use instead of AWS's (tests); empty: Secrets Manager
     */
    public static AnnotationConfigApplicationContext start(Settings settings, Optional<SecretSource> secrets, PrintStream console) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(Settings.class, () -> settings);
        if (secrets.isPresent()) {
            context.registerBean(SecretSource.class, secrets::get);
        } else {
            context.register(SecretsConfiguration.class);
        }
        if (settings.persistence() == Persistence.MEMORY) {
            context.register(MemoryPersistenceConfiguration.class);
        } else {
            context.register(DatabaseConfiguration.class, PostgresPersistenceConfiguration.class);
        }
        context.register(CoreConfiguration.class, SecurityConfiguration.class, PeriodicWorkConfiguration.class);
        if (settings.metricsEnabled()) {
            context.register(ObservabilityConfiguration.class);
        }
        context.registerBean(FirstAdmin.class, () -> new FirstAdmin(context.getBean(ManageUsersUseCase.class), settings, console));
        try {
            context.refresh();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return context;
    }
}
