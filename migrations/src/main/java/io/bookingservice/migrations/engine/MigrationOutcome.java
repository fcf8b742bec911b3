package io.bookingservice.migrations.engine;

import java.util.List;

/**
 * What an upgrade or downgrade did.
 *
 * @param fromVersion the schema version before, {@code null} for an empty database
 * @param toVersion the schema version after, {@code null} for an empty database
 * @param steps one readable line per migration run, in order, e.g. {@code applied V3 timestamptz and jsonb}
 * @param adoptedFrom the Alembic revision the database was adopted from by this call, or {@code null}
 */
public record MigrationOutcome(String fromVersion, String toVersion, List<String> steps, String adoptedFrom) {

    public MigrationOutcome {
        steps = List.copyOf(steps);
    }
}
