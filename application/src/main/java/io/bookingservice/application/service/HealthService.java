package io.bookingservice.application.service;

import io.bookingservice.application.port.in.CheckHealthUseCase;
import io.bookingservice.application.port.out.SchemaStatus;

/** Readiness from the database's point of view. */
public final class HealthService implements CheckHealthUseCase {

    private final SchemaStatus schema;

    public HealthService(SchemaStatus schema) {
        this.schema = schema;
    }

    @Override
    public Readiness readiness() {
        return switch (schema.state()) {
            case CURRENT -> Readiness.READY;
            case OUTDATED -> Readiness.SCHEMA_OUTDATED;
            case UNREACHABLE -> Readiness.DATABASE_UNAVAILABLE;
        };
    }
}
