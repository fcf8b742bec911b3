package io.bookingservice.bootstrap.cli.migrate;

import io.bookingservice.migrations.config.DatabaseUrl;
import java.util.Objects;

/**
 * A database to connect to, opened for one command.
 *
 * @param url where and as whom (the password stays inside {@link DatabaseUrl})
 * @param description what {@code migrate} announces before acting, e.g.
 *     {@code database "booking" on db:5432 as booking (from DATABASE_URL)}: never the password
 * @param release stops what was started for the command (the embedded PostgreSQL), or nothing
 */
public record JdbcTarget(DatabaseUrl url, String description, Runnable release) implements AutoCloseable {

    public JdbcTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(release, "release");
    }

    @Override
    public void close() {
        release.run();
    }

    @Override
    public String toString() {
        return "JdbcTarget[" + description + "]";
    }
}
