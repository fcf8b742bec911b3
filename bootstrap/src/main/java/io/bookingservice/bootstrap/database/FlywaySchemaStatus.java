package io.bookingservice.bootstrap.database;

import io.bookingservice.application.port.out.SchemaStatus;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SchemaStatus} over Flyway's history: current when nothing is pending. */
public final class FlywaySchemaStatus implements SchemaStatus {

    private static final Logger LOG = LoggerFactory.getLogger(FlywaySchemaStatus.class);

    private final SchemaMigrations migrations;

    public FlywaySchemaStatus(SchemaMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public State state() {
        try {
            return migrations.isCurrent() ? State.CURRENT : State.OUTDATED;
        } catch (FlywayException e) {
            // Flyway wraps the failed connection; readiness reports it, the log says why.
            LOG.warn("the database cannot be reached for the schema check: {}", e.getMessage());
            return State.UNREACHABLE;
        }
    }
}
