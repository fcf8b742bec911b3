package io.bookingservice.bootstrap.wiring;

import io.bookingservice.bootstrap.config.RefusedException;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.database.Database;
import io.bookingservice.migrations.engine.MigrationEngine;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code serve} only: a schema ahead of this build is refused, and the migrations (Alembic
 * adoption, advisory lock) are applied unless BOOKING_MIGRATE_ON_START=off, in which case a
 * database at base is refused. Operator commands never register this: {@code booking users …}
 * does not migrate.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaAtStartConfiguration {

    @Bean
    DatabaseConfiguration.SchemaAtStart schemaAtStart(Settings settings) {
        return database -> {
            MigrationEngine engine = database.migrations();
            refuseSchemaAheadOfTheCode(engine.current(), engine.head());
            if (settings.migrateOnStart()) {
                engine.upgrade("head");
            } else if (engine.current().isEmpty()) {
                throw new RefusedException("the schema is at base; run booking migrate upgrade"
                        + " (or start without --no-migrate-on-start / BOOKING_MIGRATE_ON_START=off)");
            }
        };
    }

    /**
     * Operator commands ({@code booking users …}) do not migrate: on a database without this
     * build's migrations (a fresh one, or one the Python service left and nobody adopted yet) they
     * are refused in one line that says what to run, instead of failing on a missing table; on one
     * ahead of this build, as {@code serve} is.
     */
    static void requireMigratedSchema(Database database) {
        MigrationEngine engine = database.migrations();
        Optional<String> current = engine.current();
        refuseSchemaAheadOfTheCode(current, engine.head());
        if (current.isEmpty()) {
            throw new RefusedException("the database has no migrations applied yet: run booking migrate upgrade"
                    + " (it also adopts a database the Python service left), or start the service once");
        }
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
}
