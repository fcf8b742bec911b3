package io.bookingservice.bootstrap.database;

import io.bookingservice.application.port.out.SchemaStatus;
import io.bookingservice.migrations.engine.MigrationEngine;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SchemaStatus} over the migration engine: current when the applied version is the newest script's. */
public final class EngineSchemaStatus implements SchemaStatus {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaStatus.class);

    private final MigrationEngine engine;
    private final Optional<String> head;

    public EngineSchemaStatus(MigrationEngine engine) {
        this.engine = engine;
        // The scripts are packaged with the service: their newest version never changes while it runs.
        this.head = engine.head();
    }

    @Override
    public State state() {
        Optional<String> current;
        try {
            current = engine.current();
        } catch (RuntimeException e) {
            // Flyway wraps the failed connection; readiness reports it and the log says why.
            LOG.warn("the database cannot be reached for the schema check: {}", e.getMessage());
            return State.UNREACHABLE;
        }
        return current.equals(head) ? State.CURRENT : State.OUTDATED;
    }
}
