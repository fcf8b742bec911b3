package io.bookingservice.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.application.port.out.SchemaStatus;
import io.bookingservice.migrations.testing.LegacyFixture;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class SchemaMigrationsIT {

    @Test
    void legacyAlembicDatabaseIsBaselinedAtVersion2ThenMigratedKeepingEveryRow() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        List<String> before = rows(db, "SELECT id || '|' || status || '|' || topic FROM booking_requests ORDER BY id");

        int applied = new SchemaMigrations(db.dataSource()).upgrade();

        assertThat(rows(db, "SELECT version || ':' || type FROM flyway_schema_history ORDER BY installed_rank"))
                .startsWith("2:BASELINE", "3:SQL");
        assertThat(applied).isEqualTo(rows(db, "SELECT 1 FROM flyway_schema_history WHERE type = 'SQL'").size());
        assertThat(rows(db, "SELECT id || '|' || status || '|' || topic FROM booking_requests ORDER BY id")).isEqualTo(before);
        assertThat(new FlywaySchemaStatus(new SchemaMigrations(db.dataSource())).state()).isEqualTo(SchemaStatus.State.CURRENT);
    }

    @Test
    void unknownAlembicRevisionIsRefusedNamingIt() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        execute(db, "UPDATE alembic_version SET version_num = 'feedface1234'");

        assertThatThrownBy(() -> new SchemaMigrations(db.dataSource()).upgrade())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("feedface1234")
                .hasMessageContaining("refusing");
        assertThat(rows(db, "SELECT to_regclass('public.flyway_schema_history')::text")).containsExactly((String) null);
    }

    @Test
    void revisionBe5c4de9546cIsBaselinedAtVersion1() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase();
        // Alembic's first revision: only booking_requests, which V1 reproduces.
        org.flywaydb.core.Flyway.configure().dataSource(db.dataSource()).locations(SchemaMigrations.LOCATION).target("1").load().migrate();
        execute(db, "DROP TABLE flyway_schema_history");
        execute(db, "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)");
        execute(db, "INSERT INTO alembic_version VALUES ('be5c4de9546c')");

        new SchemaMigrations(db.dataSource()).upgrade();

        assertThat(rows(db, "SELECT version || ':' || type FROM flyway_schema_history ORDER BY installed_rank"))
                .startsWith("1:BASELINE", "2:SQL");
    }

    @Test
    void schemaStatusIsOutdatedBeforeMigratingAndUnreachableWithoutADatabase() throws Exception {
        TestDatabase db = TestPostgres.createDatabase();
        assertThat(new FlywaySchemaStatus(new SchemaMigrations(db.dataSource())).state()).isEqualTo(SchemaStatus.State.OUTDATED);

        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/none");
        assertThat(new FlywaySchemaStatus(new SchemaMigrations(nowhere)).state()).isEqualTo(SchemaStatus.State.UNREACHABLE);
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
