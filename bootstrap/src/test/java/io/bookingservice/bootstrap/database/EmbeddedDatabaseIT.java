package io.bookingservice.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.engine.MigrationEngine;
import io.bookingservice.migrations.engine.MigrationSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class EmbeddedDatabaseIT {

    @TempDir
    Path dataDirectory;

    @Test
    void dataSurvivesARestartAndMigrationsRunOnce() throws SQLException {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDirectory)) {
            assertThat(engine(first.url()).upgrade("head").steps()).isNotEmpty();
            execute(first.url(), "INSERT INTO users (username, hashed_password, disabled, role) VALUES ('kept', 'x', false, 'admin')");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDirectory)) {
            MigrationEngine engine = engine(second.url());
            assertThat(engine.upgrade("head").steps()).isEmpty();
            assertThat(engine.current()).isEqualTo(engine.head());
            assertThat(query(second.url(), "SELECT count(*) FROM users WHERE username = 'kept'")).isEqualTo("1");
        }
        assertThat(dataDirectory.resolve("postgres/PG_VERSION")).exists();
    }

    @Test
    void noLocalUserGetsInWithoutThePasswordKeptOwnerOnlyInTheDataDirectory() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory)) {
            DatabaseUrl url = database.url();
            Path passwordFile = dataDirectory.resolve("postgres-password");

            assertThat(url.password()).isNotBlank().isEqualTo(Files.readString(passwordFile).strip());
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(query(url, "SELECT current_user")).isEqualTo("postgres");
            // Trust authentication let every local OS user in as the superuser, with no password at all.
            for (String name : new String[] {"booking", "postgres", "template1"}) {
                assertThatThrownBy(() -> connect(new DatabaseUrl("jdbc:postgresql://localhost:" + url.jdbcUrl()
                        .replaceAll(".*:(\\d+)/.*", "$1") + "/" + name, "postgres", null)).close())
                        .isInstanceOf(SQLException.class);
            }
            assertThatThrownBy(() -> connect(new DatabaseUrl(url.jdbcUrl(), "postgres", "wrong")).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void aClusterThatTrustedLocalUsersIsSwitchedToPasswordsAndKeepsItsData() throws Exception {
        Path directory = dataDirectory.resolve("postgres");
        Files.createDirectories(directory);
        // What an older build left: zonky's initdb with "-A trust", and no password file.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
                Connection connection = old.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE booking");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory)) {
            assertThat(query(database.url(), "SELECT current_database()")).isEqualTo("booking");
            assertThatThrownBy(() -> connect(new DatabaseUrl(database.url().jdbcUrl(), "postgres", null)).close())
                    .isInstanceOf(SQLException.class);
        }
        try (EmbeddedDatabase reopened = EmbeddedDatabase.start(dataDirectory)) {
            assertThat(query(reopened.url(), "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void aSecondProcessUsesTheRunningServerAndLeavesItRunning() throws Exception {
        try (EmbeddedDatabase owner = EmbeddedDatabase.start(dataDirectory)) {
            try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDirectory)) {
                assertThat(second.owned()).isFalse();
                assertThat(second.port()).isEqualTo(owner.port());
                assertThat(EmbeddedDatabase.runningPort(dataDirectory)).contains(owner.port());
                assertThat(query(second.url(), "SELECT 1")).isEqualTo("1");
            }
            assertThat(query(owner.url(), "SELECT 1")).isEqualTo("1");
        }
        assertThat(EmbeddedDatabase.runningPort(dataDirectory)).isEmpty();
    }

    private static MigrationEngine engine(DatabaseUrl url) {
        return new MigrationEngine(dataSource(url), MigrationSettings.defaults(), null, line -> { });
    }

    static PGSimpleDataSource dataSource(DatabaseUrl url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        dataSource.setUser(url.username());
        dataSource.setPassword(url.password());
        return dataSource;
    }

    private static void execute(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", url.username());
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }
}
