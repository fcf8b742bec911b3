package io.bookingservice.migrations.planted;

/** A compliant migrations class for other planted classes to depend on. */
public class MigrationEngine {
}
