package io.bookingservice.migrations.engine;

import io.bookingservice.migrations.engine.MigrationRefusedException.AdoptionRefused;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A database the Python service left: {@value #TABLE} and no Flyway history. Its revision decides
 * the Flyway version it is baselined at; anything else is refused by name.
 */
final class AlembicAdoption {

    static final String TABLE = "alembic_version";

    /** The two Alembic revisions of the Python service and the Flyway versions that reproduce them. */
    static final Map<String, String> REVISIONS = Map.of(
            "be5c4de9546c", "1",
            "00ba29ba9ef0", "2");

    /** What to baseline: the revision found and the version it is adopted as. */
    record Adoption(String revision, String version) {
    }

    private final DataSource dataSource;
    private final String schema;

    AlembicAdoption(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /**
     * The revisions of an Alembic database that has no Flyway history yet ({@code (empty)} for an
     * empty {@value #TABLE}); empty when there is nothing to adopt.
     */
    List<String> unadoptedRevisions() {
        try (Connection connection = dataSource.getConnection()) {
            if (SqlIdentifiers.tableExists(connection, schema, MigrationEngine.HISTORY_TABLE)
                    || !SqlIdentifiers.tableExists(connection, schema, TABLE)) {
                return List.of();
            }
            List<String> revisions = revisions(connection);
            return revisions.isEmpty() ? List.of("(empty)") : List.copyOf(revisions);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + TABLE + ": " + e.getMessage(), e);
        }
    }

    /**
     * What to baseline, or empty when there is no Alembic database to adopt.
     *
     * @throws AdoptionRefused for an empty table, several heads or an unknown revision
     */
    Optional<Adoption> pending() {
        List<String> revisions;
        try (Connection connection = dataSource.getConnection()) {
            if (SqlIdentifiers.tableExists(connection, schema, MigrationEngine.HISTORY_TABLE)
                    || !SqlIdentifiers.tableExists(connection, schema, TABLE)) {
                return Optional.empty();
            }
            revisions = revisions(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + TABLE + ": " + e.getMessage(), e);
        }
        if (revisions.size() != 1) {
            throw new AdoptionRefused(revisions.isEmpty()
                    ? TABLE + " is empty (Alembic at base) but the schema was not built by these "
                            + "migrations: drop the leftover tables or bring the database to Alembic revision "
                            + "00ba29ba9ef0 with the Python service, then upgrade again"
                    : TABLE + " has " + revisions.size() + " rows " + revisions
                            + " (several Alembic heads); only a single head can be adopted: merge the heads "
                            + "with the Python service's alembic, then upgrade again");
        }
        String revision = revisions.get(0);
        String version = REVISIONS.get(revision);
        if (version == null) {
            throw new AdoptionRefused("unknown Alembic revision '" + revision + "' in " + TABLE
                    + "; adoptable revisions are " + REVISIONS.keySet().stream().sorted().toList()
                    + ": bring the database to 00ba29ba9ef0 with the Python service's alembic, then upgrade again");
        }
        return Optional.of(new Adoption(revision, version));
    }

    private List<String> revisions(Connection connection) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version_num FROM "
                        + SqlIdentifiers.qualified(schema, TABLE) + " ORDER BY 1")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
