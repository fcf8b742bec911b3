package io.bookingservice.migrations.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The database the Python service left behind: a {@code pg_dump --inserts} of its Alembic
 * schema at revision {@code 00ba29ba9ef0} (Flyway version 2), with {@code alembic_version},
 * three users and five booking requests (bookings 1 and 2 accepted and overlapping).
 */
public final class LegacyFixture {

    /** Classpath resource of the dump, published in this module's test-jar. */
    public static final String RESOURCE = "/fixtures/legacy-alembic-database.inserts.sql";

    private LegacyFixture() {
    }

    /** Loads the whole dump, schema and data, into {@code db} in one transaction. */
    public static void loadInto(TestDatabase db) {
        // A connection of its own: the dump empties search_path for the session.
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements()) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + RESOURCE + " into " + db, e);
        }
    }

    /** The dump's statements in order, without comments and without the final {@code ;}. */
    public static List<String> statements() {
        try (InputStream in = LegacyFixture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Splits plain SQL on {@code ;}, respecting single-quoted strings ({@code ''} escapes) and
     * dropping {@code --} comments. That is all a {@code pg_dump --inserts} of this schema
     * contains; dollar quoting and block comments are refused rather than split wrongly.
     */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\'') {
                    // '' is an escaped quote inside the literal, not its end.
                    if (i + 1 < script.length() && script.charAt(i + 1) == '\'') {
                        current.append('\'');
                        i++;
                    } else {
                        inString = false;
                    }
                }
            } else if (c == '\'') {
                inString = true;
                current.append(c);
            } else if (c == '-' && script.startsWith("--", i)) {
                int endOfLine = script.indexOf('\n', i);
                i = endOfLine < 0 ? script.length() : endOfLine;
                current.append('\n');
            } else if (c == '$' || (c == '/' && script.startsWith("/*", i))) {
                throw new IllegalArgumentException("unsupported SQL at offset " + i
                        + " (dollar quoting or block comment): " + excerpt(script, i));
            } else if (c == ';') {
                addIfNotBlank(statements, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (inString) {
            throw new IllegalArgumentException("unterminated string literal in script");
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("statement without a final ';': " + current.toString().strip());
        }
        return List.copyOf(statements);
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String sql = statement.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
    }

    private static String excerpt(String script, int offset) {
        return script.substring(offset, Math.min(script.length(), offset + 40));
    }
}
