package io.bookingservice.migrations.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@link MigrationEngine#history()}.
 *
 * @param version e.g. {@code 3}
 * @param description e.g. {@code timestamptz and jsonb}
 * @param type Flyway's type ({@code SQL}, {@code BASELINE}) or {@code UNDO} for a downgrade
 * @param script the V script applied, or the U script that undid it
 * @param at when it was applied or downgraded; {@code null} for pending migrations
 * @param state what happened
 */
public record HistoryEntry(String version, String description, String type, String script, Instant at, State state) {

    public HistoryEntry {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
    }

    public enum State {
        /** Applied and recorded in Flyway's history. */
        APPLIED,
        /** The version an existing (adopted) schema was baselined at. */
        BASELINE,
        /** Recorded as failed: the schema may be half-migrated. */
        FAILED,
        /** Undone by a downgrade (from our log; Flyway's row is gone). */
        DOWNGRADED,
        /** Older than the baseline: part of the adopted schema, never run here. */
        BELOW_BASELINE,
        /** Resolved from the scripts, not applied yet. */
        PENDING
    }
}
