package io.bookingservice.migrations.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Whether a database is at head with nothing for Flyway to find wrong, from one query and the
 * scripts: {@code serve} upgrades at every start, nearly always a database that is already current,
 * and configuring Flyway alone took ~0.35 s of a ~6 s start on the service's 2-core machine
 * (async-profiler; docs/operations.md, "Start-up time"). The answer is yes only when every row of
 * the history succeeded and is a versioned SQL migration whose script is in the locations with the
 * checksum it was applied with (or the baseline), and every script above the baseline is applied.
 * Anything else — a failed, future, repeatable or unknown row, a changed or missing script, a
 * pending one, placeholders — answers no, and Flyway decides as it always did.
 */
final class UpToDate {

    private UpToDate() {
    }

    /** The current version when nothing is to be done and nothing is wrong, else empty. */
    static Optional<String> version(DataSource dataSource, MigrationSettings settings) throws SQLException {
        if (!settings.placeholders().isEmpty()) {
            return Optional.empty();
        }
        Map<String, MigrationScript> scripts = ScriptLocations.read(settings.locations(), 'V');
        Set<String> applied = new HashSet<>();
        MigrationVersion baseline = null;
        MigrationVersion current = null;
        try (Connection connection = dataSource.getConnection()) {
            if (!SqlIdentifiers.tableExists(connection, settings.schema(), MigrationEngine.HISTORY_TABLE)) {
                return Optional.empty();
            }
            String sql = "SELECT version, type, checksum, success FROM "
                    + SqlIdentifiers.qualified(settings.schema(), MigrationEngine.HISTORY_TABLE);
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    String version = rows.getString("version");
                    String type = rows.getString("type");
                    int checksum = rows.getInt("checksum");
                    boolean noChecksum = rows.wasNull();
                    if (!rows.getBoolean("success") || version == null) {
                        return Optional.empty();
                    }
                    MigrationVersion parsed = MigrationVersion.fromVersion(version);
                    if ("BASELINE".equals(type)) {
                        baseline = parsed;
                    } else {
                        MigrationScript script = scripts.get(parsed.getVersion());
                        if (!"SQL".equals(type) || script == null || noChecksum || script.checksum() != checksum) {
                            return Optional.empty();
                        }
                    }
                    applied.add(parsed.getVersion());
                    current = current == null || parsed.compareTo(current) > 0 ? parsed : current;
                }
            }
        }
        if (current == null) {
            return Optional.empty();
        }
        for (MigrationScript script : scripts.values()) {
            boolean belowBaseline = baseline != null && script.flywayVersion().compareTo(baseline) <= 0;
            if (!belowBaseline && !applied.contains(script.flywayVersion().getVersion())) {
                return Optional.empty();
            }
        }
        return Optional.of(current.getVersion());
    }
}
