package io.bookingservice.migrations.testing;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Applies the project's Flyway migrations ({@code classpath:db/migration}) to a
 * {@link TestDatabase}, the way the service does at start-up.
 */
public final class TestFlyway {

    /** Where the versioned migrations live; the undo scripts are deliberately elsewhere. */
    public static final String LOCATION = "classpath:db/migration";

    private TestFlyway() {
    }

    /** A Flyway configuration for {@code db}, to adjust (target, baseline, …) before {@code load()}. */
    public static FluentConfiguration configure(TestDatabase db) {
        return Flyway.configure()
                .dataSource(db.dataSource())
                .locations(LOCATION)
                .failOnMissingLocations(true);
    }

    /** Migrates {@code db} to the latest version. */
    public static void migrate(TestDatabase db) {
        configure(db).load().migrate();
    }

    /** Migrates {@code db} up to and including {@code targetVersion}, e.g. {@code "3"}. */
    public static void migrate(TestDatabase db, String targetVersion) {
        configure(db).target(targetVersion).load().migrate();
    }
}
