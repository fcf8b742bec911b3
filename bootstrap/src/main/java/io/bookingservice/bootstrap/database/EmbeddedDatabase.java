package io.bookingservice.bootstrap.database;

import io.bookingservice.migrations.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local mode's own PostgreSQL (zonky: real PostgreSQL binaries from Maven Central), whose
 * data lives in {@code <data directory>/postgres} and survives restarts. It listens on
 * localhost only, on a free port chosen at each start, and trusts local connections like
 * a developer's own PostgreSQL would.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "booking";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDirectory) {
        Path directory = dataDirectory.resolve("postgres");
        boolean existing = Files.exists(directory.resolve("PG_VERSION"));
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(directory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    // Keep the data: this is the developer's database, not a test fixture.
                    .setCleanDataDirectory(false)
                    // Closed by the service's own shutdown, after the HTTP server has drained.
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, e);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        try {
            database.createBookingDatabase();
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw new IllegalStateException("cannot prepare the embedded PostgreSQL in " + directory, e);
        }
        LOG.info("{} embedded PostgreSQL in {}; connect with: psql -h localhost -p {} -U postgres {}",
                existing ? "reopened the" : "created an", directory, postgres.getPort(), DATABASE);
        return database;
    }

    /** Where the service connects: the {@code booking} database as the {@code postgres} superuser, no password. */
    public DatabaseUrl url() {
        return new DatabaseUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE, "postgres", null);
    }

    public int port() {
        return postgres.getPort();
    }

    private void createBookingDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
