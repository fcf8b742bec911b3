package io.bookingservice.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.engine.MigrationEngine;
import io.bookingservice.migrations.engine.MigrationSettings;
import java.nio.file.Path;
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

    private static MigrationEngine engine(DatabaseUrl url) {
        return new MigrationEngine(dataSource(url), MigrationSettings.defaults(), null, line -> { });
    }

    static PGSimpleDataSource dataSource(DatabaseUrl url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        dataSource.setUser(url.username());
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
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }
}
