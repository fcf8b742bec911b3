package io.bookingservice.application.port.in;

/** Is the service able to serve requests that need the database? */
public interface CheckHealthUseCase {

    enum Readiness {
        READY,
        /** The database answers but is not at the latest migration. */
        SCHEMA_OUTDATED,
        DATABASE_UNAVAILABLE
    }

    Readiness readiness();
}
