package io.bookingservice.migrations.engine;

import io.bookingservice.migrations.catalog.CatalogSnapshot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drift detection, our counterpart of {@code alembic check}: rebuilds the schema of the live
 * version from the migrations in a scratch database and compares both catalogs
 * ({@link CatalogSnapshot}, bookkeeping tables ignored).
 *
 * <p>The scratch database is by default a temporary database on the live server, so that the
 * PostgreSQL major version, and with it the text of {@code pg_get_indexdef} and friends, is
 * the same on both sides. When the role may not {@code CREATE DATABASE}, an embedded
 * PostgreSQL is used instead, with a warning: a different major version may report
 * differences that are only spelling.
 */
final class DriftCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DriftCheck.class);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final DataSource live;
    private final MigrationSettings settings;
    private final ServerDatabases serverDatabases;
    private final Consumer<String> progress;

    DriftCheck(DataSource live, MigrationSettings settings, ServerDatabases serverDatabases,
            Consumer<String> progress) {
        this.live = live;
        this.settings = settings;
        this.serverDatabases = serverDatabases;
        this.progress = progress;
    }

    DriftReport run(MigrationEngine engine) {
        Optional<String> version = engine.current();
        try (Scratch scratch = openScratch()) {
            progress.accept("building version " + version.orElse("base") + " in " + scratch.description());
            if (version.isPresent()) {
                MigrationEngine.flywayFor(scratch.dataSource(), settings).target(version.get()).load().migrate();
            }
            CatalogSnapshot expected =
                    CatalogSnapshot.read(scratch.dataSource(), settings.schema(), CatalogSnapshot.BOOKKEEPING_TABLES);
            CatalogSnapshot actual = CatalogSnapshot.read(live, settings.schema(), CatalogSnapshot.BOOKKEEPING_TABLES);
            List<String> differences = expected.diff(actual);
            return new DriftReport(version.orElse(null), differences, scratch.description());
        } catch (SQLException e) {
            throw new IllegalStateException("drift check failed: " + e.getMessage(), e);
        }
    }

    private Scratch openScratch() {
        if (serverDatabases == null) {
            LOG.warn("no way to reach other databases on the live server: building the expected schema in an "
                    + "embedded PostgreSQL, whose major version may differ from the live one");
            return embedded();
        }
        String name = "booking_check_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = live.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                LOG.warn("the role may not CREATE DATABASE ({}): building the expected schema in an embedded "
                        + "PostgreSQL, whose major version may differ from the live one", e.getMessage());
                return embedded();
            }
            throw new IllegalStateException("cannot create scratch database " + name + ": " + e.getMessage(), e);
        }
        return new Scratch() {
            @Override
            public DataSource dataSource() {
                return serverDatabases.database(name);
            }

            @Override
            public String description() {
                return "temporary database " + name + " on the same server";
            }

            @Override
            public void close() {
                // Flyway and CatalogSnapshot closed their connections; nothing holds the database.
                try (Connection connection = live.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot drop scratch database " + name
                            + "; drop it by hand: " + e.getMessage(), e);
                }
            }
        };
    }

    private static Scratch embedded() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL for the drift check", e);
        }
        return new Scratch() {
            @Override
            public DataSource dataSource() {
                return postgres.getPostgresDatabase();
            }

            @Override
            public String description() {
                return "embedded PostgreSQL (the role may not create databases)";
            }

            @Override
            public void close() {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot stop the drift check's embedded PostgreSQL", e);
                }
            }
        };
    }

    private interface Scratch extends AutoCloseable {
        DataSource dataSource();

        String description();

        @Override
        void close();
    }
}
