package io.bookingservice.bootstrap.wiring;

import io.bookingservice.application.port.out.SchemaStatus;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.database.Database;
import io.bookingservice.bootstrap.database.EngineSchemaStatus;
import io.bookingservice.bootstrap.periodic.PeriodicWork;
import io.bookingservice.bootstrap.secrets.DatabasePool;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.bootstrap.throttle.PostgresThrottleStore;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
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
        if (settings.migrateOnStart()) {
            try {
                database.migrations().upgrade("head");
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
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

    /** Keys hold attacker-chosen usernames (hashed): expired rows go, so the table stays bounded. */
    @Bean
    PeriodicWork.Task expiredThrottleBuckets(PostgresThrottleStore store) {
        return store.purgeTask();
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
