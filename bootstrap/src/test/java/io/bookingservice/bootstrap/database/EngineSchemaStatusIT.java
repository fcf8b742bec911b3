package io.bookingservice.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.application.port.out.SchemaStatus;
import io.bookingservice.migrations.engine.MigrationEngine;
import io.bookingservice.migrations.engine.MigrationSettings;
import io.bookingservice.migrations.testing.LegacyFixture;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.net.ServerSocket;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class EngineSchemaStatusIT {

    @Test
    void legacyDatabaseIsOutdatedUntilAdoptedAndUpgradedThenCurrent() {
        TestDatabase db = TestPostgres.createDatabase();
        LegacyFixture.loadInto(db);
        EngineSchemaStatus status = new EngineSchemaStatus(engine(db.dataSource()));
        assertThat(status.state()).isEqualTo(SchemaStatus.State.OUTDATED);

        engine(db.dataSource()).upgrade("head");

        assertThat(status.state()).isEqualTo(SchemaStatus.State.CURRENT);
    }

    @Test
    void partlyMigratedDatabaseIsOutdated() {
        TestDatabase db = TestPostgres.createDatabase();
        engine(db.dataSource()).upgrade("+2");

        assertThat(new EngineSchemaStatus(engine(db.dataSource())).state()).isEqualTo(SchemaStatus.State.OUTDATED);
    }

    @Test
    void databaseThatDoesNotAnswerIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/none");

        assertThat(new EngineSchemaStatus(engine(nowhere)).state()).isEqualTo(SchemaStatus.State.UNREACHABLE);
    }

    private static MigrationEngine engine(DataSource dataSource) {
        return new MigrationEngine(dataSource, MigrationSettings.defaults(), null, line -> { });
    }
}
