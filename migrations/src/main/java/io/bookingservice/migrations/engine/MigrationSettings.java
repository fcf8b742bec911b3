package io.bookingservice.migrations.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the migrations live and how they are applied.
 *
 * @param locations Flyway locations of the versioned {@code V<n>__<slug>.sql} scripts,
 *     {@code classpath:…} or {@code filesystem:…}
 * @param undoLocation location of the paired {@code U<n>__<slug>.sql} undo scripts; kept
 *     outside {@code locations} so Flyway never runs them by itself
 * @param placeholders {@code ${name}} replacements, applied to versioned and undo scripts alike
 * @param schema the schema the migrations manage, which also holds the bookkeeping tables
 */
public record MigrationSettings(
        List<String> locations, String undoLocation, Map<String, String> placeholders, String schema) {

    /** The project's own scripts, as packaged in the migrations module. */
    public static final String DEFAULT_LOCATION = "classpath:db/migration";
    public static final String DEFAULT_UNDO_LOCATION = "classpath:db/undo";
    public static final String DEFAULT_SCHEMA = "public";

    public MigrationSettings {
        locations = List.copyOf(locations);
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("at least one migration location is required");
        }
        Objects.requireNonNull(undoLocation, "undoLocation");
        placeholders = Map.copyOf(placeholders);
        Objects.requireNonNull(schema, "schema");
    }

    /** The packaged scripts in {@code public}, without placeholders. */
    public static MigrationSettings defaults() {
        return new MigrationSettings(List.of(DEFAULT_LOCATION), DEFAULT_UNDO_LOCATION, Map.of(), DEFAULT_SCHEMA);
    }

    public MigrationSettings withLocations(List<String> newLocations, String newUndoLocation) {
        return new MigrationSettings(newLocations, newUndoLocation, placeholders, schema);
    }

    public MigrationSettings withPlaceholders(Map<String, String> newPlaceholders) {
        return new MigrationSettings(locations, undoLocation, newPlaceholders, schema);
    }
}
