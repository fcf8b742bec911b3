package io.bookingservice.bootstrap.wiring;

import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.adapters.web.security.PasswordChangeSettings;
import io.bookingservice.application.port.out.SchemaStatus;
import io.bookingservice.bootstrap.config.RefusedException;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.database.Database;
import io.bookingservice.bootstrap.database.EngineSchemaStatus;
import io.bookingservice.bootstrap.periodic.PeriodicWork;
import io.bookingservice.bootstrap.secrets.DatabasePool;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.bootstrap.throttle.PostgresThrottleStore;
import io.bookingservice.migrations.engine.MigrationEngine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * BOOKING_PERSISTENCE=postgres: the pool (embedded, DATABASE_URL or Secrets Manager) and the
 * schema migrations (the migration engine: Alembic adoption, advisory lock), applied at start
 * unless BOOKING_MIGRATE_ON_START=off; the login throttle's shared buckets. The MyBatis
 * repositories over this data source are declared in {@link PostgresPersistenceConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    static final int POOL_SIZE = 10;

    @Bean(destroyMethod = "close")
    Database database(Settings settings, ObjectProvider<SecretSource> secrets, ObjectProvider<MeterRegistry> meters) {
        // No registry when BOOKING_METRICS is off: the pool then publishes nothing. The request
        // path's short timeouts: a database outage answers 503 within about 3 s.
        Database database = Database.open(settings, secrets::getObject, POOL_SIZE, meters.getIfAvailable(),
                DatabasePool.Timeouts.REQUESTS);
        try {
            MigrationEngine engine = database.migrations();
            refuseSchemaAheadOfTheCode(engine.current(), engine.head());
            if (settings.migrateOnStart()) {
                engine.upgrade("head");
            } else if (engine.current().isEmpty()) {
                throw new RefusedException("the schema is at base; run booking migrate upgrade"
                        + " (or start without --no-migrate-on-start / BOOKING_MIGRATE_ON_START=off)");
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * The throttle's buckets in PostgreSQL, on a pool of their own (see {@link PostgresThrottleStore}),
     * so that every instance on this database shares the login limits.
     */
    @Bean(destroyMethod = "close")
    PostgresThrottleStore postgresThrottleStore(Database database, Settings settings) {
        Duration budget = settings.throttleTimeout();
        // Hikari waits at least 250 ms for a connection; the call's budget still bounds the caller.
        Duration connectionTimeout = budget.compareTo(Duration.ofMillis(250)) < 0 ? Duration.ofMillis(250) : budget;
        return PostgresThrottleStore.over(database.openBoundedPool("booking-throttle",
                PostgresThrottleStore.CONNECTIONS, connectionTimeout, budget), budget);
    }

    @Bean
    ProxyManager<String> throttleStore(PostgresThrottleStore store) {
        return store.buckets();
    }

    /**
     * {@code /token} per (username, client address) and per client address; password changes per
     * account and per client address, each account and address with at most half of the hashing
     * permits. The address is the one {@code ClientAddressResolver} resolves.
     * The buckets live in PostgreSQL, shared by every instance, with a copy in this process in
     * front, so that a burst on one key makes no more round trips than its limits allow.
     */
    @Bean
    LoginThrottle loginThrottle(ProxyManager<String> throttleStore) {
        return LoginThrottle.shared(LoginThrottleSettings.DEFAULT, PasswordChangeSettings.defaults(SecurityConfiguration.hashingPermits()),
                throttleStore, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** Keys hold attacker-chosen usernames (hashed): expired rows go, so the table stays bounded. */
    @Bean
    PeriodicWork.Task expiredThrottleBuckets(PostgresThrottleStore store) {
        return store.purgeTask();
    }

    /**
     * A database migrated by a newer build (say to V7) cannot be served by this one (newest V6):
     * its code does not know the schema. Refused in one line naming both versions.
     */
    static void refuseSchemaAheadOfTheCode(Optional<String> current, Optional<String> head) {
        if (current.isEmpty()) {
            return;
        }
        MigrationVersion database = MigrationVersion.fromVersion(current.get());
        if (head.isEmpty() || database.compareTo(MigrationVersion.fromVersion(head.get())) > 0) {
            throw new RefusedException("the database is at version " + current.get() + ", ahead of this build, whose newest"
                    + " migration is " + head.orElse("none") + ": run the build that migrated it (./booking rebuilds"
                    + " from newer sources), or undo with that build: booking migrate downgrade " + head.orElse("base"));
        }
    }

    @Bean
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    @Bean
    SchemaStatus schemaStatus(Database database) {
        return new EngineSchemaStatus(database.schemaStatus());
    }
}
