package io.bookingservice.bootstrap.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the latest migration with Flyway, adopting a database the Python
 * service left behind: one with Alembic's {@code alembic_version} and no Flyway history is
 * baselined at the Flyway version that reproduces its revision, then migrated forward.
 */
public final class SchemaMigrations {

    /** Classpath location of the versioned migrations (the undo scripts live elsewhere). */
    public static final String LOCATION = "classpath:db/migration";

    /** Alembic revision → the Flyway version whose schema is identical (DESIGN §6). */
    static final Map<String, String> ALEMBIC_REVISIONS = Map.of(
            "be5c4de9546c", "1",
            "00ba29ba9ef0", "2");

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource dataSource;

    public SchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies pending migrations (adopting an Alembic database first); returns how many ran. */
    public int upgrade() {
        Optional<String> adoptAt = alembicBaseline();
        Flyway flyway = flyway(adoptAt.orElse("1"));
        if (adoptAt.isPresent()) {
            LOG.info("adopting the Alembic-managed database at Flyway version {}", adoptAt.get());
            flyway.baseline();
        }
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("applied {} migration(s); the schema is at version {}", result.migrationsExecuted, result.targetSchemaVersion);
        }
        return result.migrationsExecuted;
    }

    /** {@code true} when every known migration has been applied. */
    public boolean isCurrent() {
        return flyway("1").info().pending().length == 0;
    }

    private Flyway flyway(String baselineVersion) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .baselineVersion(baselineVersion)
                .baselineDescription("adopted from Alembic")
                .load();
    }

    /**
     * The version to baseline at when this is an Alembic database not yet adopted; empty when
     * there is nothing to adopt.
     *
     * @throws IllegalStateException for an Alembic revision this service does not know
     */
    private Optional<String> alembicBaseline() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!tableExists(statement, "alembic_version") || tableExists(statement, "flyway_schema_history")) {
                return Optional.empty();
            }
            List<String> revisions = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT version_num FROM public.alembic_version")) {
                while (rs.next()) {
                    revisions.add(rs.getString(1));
                }
            }
            if (revisions.size() != 1 || !ALEMBIC_REVISIONS.containsKey(revisions.get(0))) {
                throw new IllegalStateException("refusing to adopt the database: its Alembic revision " + revisions
                        + " is not one this service knows (" + String.join(", ", ALEMBIC_REVISIONS.keySet())
                        + "); upgrade it with the Python service's Alembic first");
            }
            return Optional.of(ALEMBIC_REVISIONS.get(revisions.get(0)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the database before migrating", e);
        }
    }

    private static boolean tableExists(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
