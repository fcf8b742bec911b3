package io.bookingservice.bootstrap.wiring;

import io.bookingservice.application.port.out.SchemaStatus;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.database.Database;
import io.bookingservice.bootstrap.database.EngineSchemaStatus;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.bootstrap.config.RefusedException;
import io.bookingservice.migrations.engine.MigrationEngine;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
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
        Database database = Database.open(settings, secrets::getObject, POOL_SIZE, meters);
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
