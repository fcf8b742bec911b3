package io.bookingservice.bootstrap.wiring;

import io.bookingservice.application.port.out.SchemaStatus;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.database.Database;
import io.bookingservice.bootstrap.database.EngineSchemaStatus;
import io.bookingservice.bootstrap.secrets.DatabasePool;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * BOOKING_PERSISTENCE=postgres: the database the settings name (embedded, DATABASE_URL or
 * Secrets Manager), opened with the {@link Use pool} the caller registered. It only opens:
 * what the service does to the schema at start is {@link SchemaAtStartConfiguration}'s, and
 * runs before any other bean sees the database. The MyBatis repositories over this data source
 * are declared in {@link PostgresPersistenceConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /**
     * How the pool is sized and timed: the HTTP service's short request timeouts, or an
     * operator command's few connections with longer ones.
     */
    public record Use(int poolSize, DatabasePool.Timeouts timeouts) {

        /**
         * The request path's short timeouts (a database outage answers 503 within about 3 s) and
         * BOOKING_DB_POOL_SIZE connections ({@link Settings#DEFAULT_DATABASE_POOL_SIZE} says why 16 by default).
         */
        public static Use serve(Settings settings) {
            return new Use(settings.databasePoolSize(), DatabasePool.Timeouts.REQUESTS);
        }

        /** One operator command at a time. */
        public static final Use OPERATOR = new Use(2, DatabasePool.Timeouts.OPERATOR);
    }

    /** What the service does to the schema of a database it has just opened (registered by serve only). */
    @FunctionalInterface
    public interface SchemaAtStart {
        void prepare(Database database);
    }

    @Bean(destroyMethod = "close")
    Database database(Settings settings, Use use, ObjectProvider<SecretSource> secrets, ObjectProvider<MeterRegistry> meters,
                      ObjectProvider<SchemaAtStart> schemaAtStart) {
        // No registry when BOOKING_METRICS is off (or for operator commands): the pool then publishes nothing.
        Database database = Database.open(settings, secrets::getObject, use.poolSize(), meters.getIfAvailable(), use.timeouts());
        try {
            schemaAtStart.ifAvailable(schema -> schema.prepare(database));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
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
