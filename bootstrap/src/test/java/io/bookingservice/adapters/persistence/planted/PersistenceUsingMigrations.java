package io.bookingservice.adapters.persistence.planted;

import io.bookingservice.migrations.planted.MigrationEngine;

/** Planted violation: production persistence code using migrations (allowed in its tests only). */
public class PersistenceUsingMigrations {
    MigrationEngine engine;
}
