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
 * BOOKING_PERSISTENCE=postgres: the pool (embedded, DATABASE_URL or Secrets Manager) and the
 * schema migrations (the migration engine: Alembic adoption, advisory lock), applied at start
 * unless BOOKING_MIGRATE_ON_START=off. The MyBatis
 * repositories over this data source are declared in {@link PostgresPersistenceConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    static final int POOL_SIZE = 10;

    @Bean(destroyMethod = "close")
    Database database(Settings settings, ObjectProvider<SecretSource> secrets, MeterRegistry meters) {
        // The request path's short timeouts: a database outage answers 503 within about 3 s.
        Database database = Database.open(settings, secrets::getObject, POOL_SIZE, meters, DatabasePool.Timeouts.REQUESTS);
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

    @Bean
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    @Bean
    SchemaStatus schemaStatus(Database database) {
        return new EngineSchemaStatus(database.schemaStatus());
    }
}
