package io.bookingservice.bootstrap.wiring;

import io.bookingservice.application.port.in.OperateAccountsUseCase;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.database.DatabaseLocation;
import io.bookingservice.bootstrap.secrets.SecretSource;
import java.io.PrintStream;
import java.util.Optional;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The composition root: the one place that puts the Spring configurations together, for
 * {@code serve} and for the operator commands alike, so that both reach the same database through
 * the same adapters. The persistence adapter is chosen by {@link PersistenceChoice} alone.
 *
 * <table>
 *   <caption>which configurations each context gets</caption>
 *   <tr><th></th><th>serve</th><th>operator, {@link Needs#ACCOUNTS}</th><th>operator, {@link Needs#SECRETS}</th></tr>
 *   <tr><td>settings, secrets (lazy)</td><td>yes</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>repositories ({@link PersistenceChoice#repositories()})</td><td>yes</td><td>yes</td><td>–</td></tr>
 *   <tr><td>core services, password hashing, housekeeping</td><td>yes</td><td>yes</td><td>–</td></tr>
 *   <tr><td>schema at start (migrate-on-start), login throttle</td><td>yes</td><td>–</td><td>–</td></tr>
 *   <tr><td>signing keys (created in local mode), tokens, periodic work, metrics</td><td>yes</td><td>–</td><td>–</td></tr>
 *   <tr><td>first admin</td><td>yes</td><td>–</td><td>–</td></tr>
 * </table>
 *
 * The web adapter's context is the serve context's child ({@link io.bookingservice.bootstrap.server.HttpServer}).
 */
public final class ServiceContext {

    /** What an operator command needs; nothing more is built, so nothing more can fail or be touched. */
    public enum Needs {
        /** Secrets Manager only (e.g. {@code keys generate}): no database is opened. */
        SECRETS,
        /** The configured database's accounts and stored keys, without migrating it. */
        ACCOUNTS
    }

    private ServiceContext() {
    }

    /**
     * Builds and refreshes the service's root context: opens the database, migrates, loads the
     * keys and creates the first admin, so that a failure happens before any port is opened.
     *
     * @param secrets a secret source to use instead of AWS's (tests); empty: Secrets Manager
     */
    public static AnnotationConfigApplicationContext start(Settings settings, Optional<SecretSource> secrets, PrintStream console) {
        AnnotationConfigApplicationContext context = base(settings, secrets);
        PersistenceChoice persistence = PersistenceChoice.of(settings.persistence());
        context.registerBean(DatabaseConfiguration.Use.class, () -> DatabaseConfiguration.Use.serve(settings));
        persistence.repositories().forEach(context::register);
        persistence.serving().forEach(context::register);
        context.register(CoreConfiguration.class, PasswordHashingConfiguration.class, SecurityConfiguration.class,
                PeriodicWorkConfiguration.class);
        if (settings.metricsEnabled()) {
            context.register(ObservabilityConfiguration.class);
        }
        context.registerBean(FirstAdmin.class,
                () -> new FirstAdmin(context.getBean(OperateAccountsUseCase.class), settings, console));
        return refreshed(context);
    }

    /**
     * The same configurations as {@link #start} for what an operator command {@code needs}, minus
     * the start-up side effects: no migration, no first admin, no signing keys, no scheduler.
     * The caller closes it.
     *
     * @throws io.bookingservice.bootstrap.config.InvalidSettingsException for {@link Needs#ACCOUNTS}
     *     when the settings name no database (in-memory persistence keeps nothing to operate on)
     */
    public static AnnotationConfigApplicationContext operator(Settings settings, Optional<SecretSource> secrets, Needs needs) {
        if (needs == Needs.ACCOUNTS) {
            DatabaseLocation.of(settings);
        }
        AnnotationConfigApplicationContext context = base(settings, secrets);
        if (needs == Needs.ACCOUNTS) {
            context.registerBean(DatabaseConfiguration.Use.class, () -> DatabaseConfiguration.Use.OPERATOR);
            context.registerBean(DatabaseConfiguration.SchemaAtStart.class,
                    () -> SchemaAtStartConfiguration::requireMigratedSchema);
            PersistenceChoice.of(settings.persistence()).repositories().forEach(context::register);
            context.register(CoreConfiguration.class, PasswordHashingConfiguration.class, HousekeepingConfiguration.class);
        }
        return refreshed(context);
    }

    private static AnnotationConfigApplicationContext base(Settings settings, Optional<SecretSource> secrets) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(Settings.class, () -> settings);
        if (secrets.isPresent()) {
            // A test's source: it outlives the context, so the context must not close it.
            context.registerBean(SecretSource.class, secrets::get, definition -> definition.setDestroyMethodName(""));
        } else {
            context.register(SecretsConfiguration.class);
        }
        return context;
    }

    private static AnnotationConfigApplicationContext refreshed(AnnotationConfigApplicationContext context) {
        try {
            context.refresh();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return context;
    }
}
