package io.bookingservice.bootstrap.database;

import io.bookingservice.migrations.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local mode's own PostgreSQL (zonky: real PostgreSQL binaries from Maven Central), whose
 * data lives in {@code <data directory>/postgres} and survives restarts. It listens on
 * localhost only, on a free port chosen at each start, and requires a password: a random
 * one, generated on the first start and kept owner-only in
 * {@code <data directory>/}{@value #PASSWORD_FILE} (a data directory created by an older
 * build, which trusted every local user, is switched to passwords on its next start).
 *
 * <p>Only one process can run the server of a data directory. A second one (an operator
 * command while {@code ./booking} serves) connects to the running server instead:
 * {@link #start} finds its port in {@code postmaster.pid}, and closing it leaves the server
 * to its owner.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "booking";
    static final String SUPERUSER = "postgres";

    /** The superuser's password, in the data directory, readable by its owner only. */
    public static final String PASSWORD_FILE = "postgres-password";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres postgres;
    private final int port;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port, String password) {
        this.postgres = postgres;
        this.port = port;
        this.password = password;
    }

    /** Starts the server of {@code dataDirectory}, or connects to it when another process runs it. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        Path directory = dataDirectory.resolve("postgres");
        Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
        Optional<Integer> running = runningPort(dataDirectory);
        if (running.isPresent()) {
            LOG.info("the embedded PostgreSQL in {} is run by another booking process; using it on port {}",
                    directory, running.get());
            return new EmbeddedDatabase(null, running.get(), readPassword(passwordFile));
        }
        boolean existing = Files.exists(directory.resolve("postgresql.conf"));
        // A cluster made before passwords were required trusts every local user: switch it over.
        boolean trusting = existing && !Files.exists(passwordFile);
        EmbeddedPostgres postgres;
        String password;
        try {
            Files.createDirectories(directory);
            password = trusting || !Files.exists(passwordFile) ? writePassword(passwordFile) : readPassword(passwordFile);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    // Keep the data: this is the developer's database, not a test fixture.
                    .setCleanDataDirectory(false)
                    // Closed by the service's own shutdown, after the HTTP server has drained.
                    .setRegisterShutdownHook(false);
            if (!existing) {
                // zonky runs initdb with "-A trust"; initdb takes the last --auth given.
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            if (!trusting) {
                builder.setConnectConfig("password", password);
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, e);
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("epg-lock")) {
                throw new IllegalStateException(lockHeldHint(directory), e);
            }
            throw e;
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, postgres.getPort(), password);
        try {
            if (trusting) {
                database.requirePasswords(directory);
            }
            database.createBookingDatabase();
        } catch (SQLException | IOException | RuntimeException e) {
            database.close();
            throw new IllegalStateException("cannot prepare the embedded PostgreSQL in " + directory, e);
        }
        LOG.info("{} embedded PostgreSQL in {} on port {}; its URL: booking db url (password in {})",
                existing ? "reopened the" : "created an", directory, postgres.getPort(), passwordFile);
        return database;
    }

    /**
     * The port of the server another process runs for {@code dataDirectory}, if one does:
     * zonky holds {@code postgres/epg-lock} while it runs, and PostgreSQL writes its port into
     * {@code postmaster.pid}.
     *
     * @throws IllegalStateException when the lock is held but the server has not started (yet)
     */
    public static Optional<Integer> runningPort(Path dataDirectory) {
        Path directory = dataDirectory.resolve("postgres");
        if (!lockHeld(directory.resolve("epg-lock"))) {
            return Optional.empty();
        }
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            // postmaster.pid: pid, data directory, start time, port, socket directory, …
            return Optional.of(Integer.parseInt(lines.get(3).strip()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(lockHeldHint(directory), e);
        }
    }

    private static String lockHeldHint(Path directory) {
        return "the embedded PostgreSQL in " + directory + " is locked by another booking process (" + directory
                .resolve("epg-lock") + ") that has not started it (yet): wait for that process to be ready, or stop it";
    }

    private static boolean lockHeld(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            // Held by this very JVM (a test running the service and a command side by side).
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + lockFile, e);
        }
    }

    private static String writePassword(Path file) throws IOException {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return password;
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded PostgreSQL's password from " + file, e);
        }
    }

    /** Where the service connects: the {@code booking} database as the {@code postgres} superuser. */
    public DatabaseUrl url() {
        return new DatabaseUrl("jdbc:postgresql://localhost:" + port + "/" + DATABASE, SUPERUSER, password);
    }

    /** The same database as a libpq URL without the password, for {@code psql} and {@code booking db url}. */
    public static String libpqUrl(int port) {
        return "postgresql://" + SUPERUSER + "@localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** Whether this process runs the server (and {@link #close()} stops it). */
    public boolean owned() {
        return postgres != null;
    }

    private DataSource administration() {
        return postgres.getDatabase(SUPERUSER, "postgres", Map.of("password", password));
    }

    private void requirePasswords(Path directory) throws SQLException, IOException {
        try (Connection connection = administration().getConnection(); Statement statement = connection.createStatement()) {
            // A utility statement takes no parameters; the password is base64url, nothing to escape.
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            Files.writeString(directory.resolve("pg_hba.conf"), """
                    # Written by booking: every connection needs the password in ../%s.
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """.formatted(PASSWORD_FILE), StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        }
        LOG.info("the embedded PostgreSQL in {} trusted every local user; it now requires the password in ../{}",
                directory, PASSWORD_FILE);
    }

    private void createBookingDatabase() throws SQLException {
        try (Connection connection = administration().getConnection();
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
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
