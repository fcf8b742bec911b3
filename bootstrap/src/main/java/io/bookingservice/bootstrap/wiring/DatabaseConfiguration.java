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
         * The request path's short timeouts: a database outage answers 503 within about 3 s.
         * 16 connections, not 10: with fewer connections than requests in flight, HikariCP
         * hands a returned connection to a waiting thread by spinning on {@code Thread.yield}
         * (3.3 % of the service's CPU in the profile of {@code GET /booking/{id}/} at 16
         * clients), and on 2 cores that spin takes the CPU from the threads doing the work.
         * Measured with 16 clients, runs interleaved on one host: 28–56 % less JVM CPU per
         * {@code GET /booking/{id}/}, 11–32 % less per page of 100 (docs/operations.md,
         * "Request path"). PostgreSQL's {@code max_connections} must allow instances × 16.
         */
        public static final Use SERVE = new Use(16, DatabasePool.Timeouts.REQUESTS);

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
