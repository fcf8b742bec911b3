package io.bookingservice.migrations.engine;

import io.bookingservice.migrations.engine.HistoryEntry.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Our record of downgrades ({@value #TABLE}): Flyway's history row of an undone migration is
 * removed, so this is where {@code history} finds it. {@code script}/{@code checksum} name the undo
 * script that ran (same checksum algorithm as Flyway's), so the log says exactly what was executed.
 * Written by the engine and by the offline downgrade SQL alike.
 */
final class DowngradeLog {

    static final String TABLE = "migration_downgrade_log";

    private DowngradeLog() {
    }

    static String createSql(String schema) {
        return "CREATE TABLE IF NOT EXISTS " + SqlIdentifiers.qualified(schema, TABLE) + " (\n"
                + "    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                + "    version       varchar(50)   NOT NULL,\n"
                + "    description   varchar(200)  NOT NULL,\n"
                + "    script        varchar(1000) NOT NULL,\n"
                + "    checksum      integer,\n"
                + "    downgraded_at timestamptz   NOT NULL DEFAULT now(),\n"
                + "    downgraded_by varchar(100)  NOT NULL DEFAULT current_user\n"
                + ")";
    }

    /** Records one undo, in the caller's transaction. */
    static void record(Connection connection, String schema, String version, String description, MigrationScript undo)
            throws SQLException {
        try (PreparedStatement log = connection.prepareStatement("INSERT INTO " + SqlIdentifiers.qualified(schema, TABLE)
                + " (version, description, script, checksum) VALUES (?, ?, ?, ?)")) {
            log.setString(1, version);
            log.setString(2, description);
            log.setString(3, undo.fileName());
            log.setInt(4, undo.checksum());
            log.executeUpdate();
        }
    }

    /** Every recorded downgrade, oldest first; the caller has checked that the table exists. */
    static List<HistoryEntry> read(Connection connection, String schema) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, description, script, downgraded_at FROM "
                        + SqlIdentifiers.qualified(schema, TABLE) + " ORDER BY id")) {
            while (rows.next()) {
                entries.add(new HistoryEntry(rows.getString(1), rows.getString(2), "UNDO", rows.getString(3),
                        rows.getTimestamp(4).toInstant(), State.DOWNGRADED));
            }
        }
        return entries;
    }
}
