package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.application.port.out.contract.PersistenceContract;
import io.bookingservice.application.port.out.contract.PersistencePorts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every port contract on PostgreSQL: one migrated database for the class, shared by the suites. */
class MyBatisPersistenceContractIT extends PersistenceContract {

    private static PostgresFixture db;

    @BeforeAll
    static void startDatabase() {
        db = PostgresFixture.migrated();
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @Override
    protected PersistencePorts ports() {
        MyBatisPersistence persistence = db.persistence;
        return new PersistencePorts(persistence.bookings(), persistence.users(), persistence.idempotencyStore(),
                persistence.sessions(), persistence.transactions());
    }

    /** The row lock lives in PostgreSQL: wait until another backend of this database waits for a lock. */
    @Override
    protected void awaitBlockedOnLock(AtomicReference<Thread> waiter) {
        awaitCondition("another backend to wait for the row lock", () -> {
            try (Connection connection = db.pool.getConnection();
                 PreparedStatement waiting = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                         + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
                 ResultSet rows = waiting.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            } catch (SQLException e) {
                throw new AssertionError("could not read pg_stat_activity", e);
            }
        });
    }
}
