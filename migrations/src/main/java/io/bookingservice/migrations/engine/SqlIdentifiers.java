package io.bookingservice.migrations.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the engine and the offline SQL write PostgreSQL identifiers and string literals, and how
 * they ask whether a table exists: one place, one quoting.
 */
final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    /** {@code "name"}, with embedded double quotes doubled. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** {@code "schema"."table"}. */
    static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /** {@code 'value'}, with embedded single quotes doubled (standard_conforming_strings is on since PostgreSQL 9.1). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Whether {@code schema.table} exists; both names are passed as values, never spliced into SQL. */
    static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT to_regclass(quote_ident(?) || '.' || quote_ident(?)) IS NOT NULL")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
