package io.bookingservice.migrations.engine;

import java.util.List;

/**
 * The result of {@link MigrationEngine#check()}.
 *
 * @param version the version the live database is at, whose schema the migrations rebuilt;
 *     {@code null} when nothing is applied (compared with an empty schema)
 * @param differences one readable line per difference, {@code expected ≠ live}, sorted;
 *     empty when there is no drift
 * @param scratch where the expected schema was built, e.g. {@code temporary database … on the same server}
 */
public record DriftReport(String version, List<String> differences, String scratch) {

    public DriftReport {
        differences = List.copyOf(differences);
    }

    public boolean hasDrift() {
        return !differences.isEmpty();
    }
}
