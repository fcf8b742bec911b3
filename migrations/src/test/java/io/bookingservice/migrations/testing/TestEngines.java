package io.bookingservice.migrations.testing;

import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.engine.MigrationEngine;
import io.bookingservice.migrations.engine.MigrationSettings;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Migration engines over test databases, built the way the callers of the engine build theirs:
 * from a parsed {@link DatabaseUrl}, with the drift check's scratch databases on the same server.
 */
public final class TestEngines {

    private TestEngines() {
    }

    public static MigrationEngine connect(TestDatabase db, MigrationSettings settings) {
        return connect(new DatabaseUrl(db.jdbcUrl(), db.user(), db.password()), settings);
    }

    public static MigrationEngine connect(DatabaseUrl url, MigrationSettings settings) {
        return connect(url, settings, line -> { });
    }

    /** @param progress receives the engine's progress lines */
    public static MigrationEngine connect(DatabaseUrl url, MigrationSettings settings, Consumer<String> progress) {
        return new MigrationEngine(dataSource(url), settings, name -> dataSource(url.onDatabase(name)), progress);
    }

    private static DataSource dataSource(DatabaseUrl url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        if (url.username() != null) {
            dataSource.setUser(url.username());
        }
        if (url.password() != null) {
            dataSource.setPassword(url.password());
        }
        return dataSource;
    }
}
