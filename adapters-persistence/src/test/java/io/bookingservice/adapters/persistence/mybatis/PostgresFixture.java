package io.bookingservice.adapters.persistence.mybatis;

import static io.bookingservice.domain.testing.BookingBuilder.aBooking;

import com.zaxxer.hikari.HikariDataSource;
import io.bookingservice.adapters.persistence.postgres.PostgresConnectionSettings;
import io.bookingservice.adapters.persistence.postgres.PostgresPool;
import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.Username;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestFlyway;
import io.bookingservice.migrations.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * A fresh database on the shared test PostgreSQL, migrated to head, with the MyBatis
 * adapter over a real Hikari pool opened exactly as the service opens it.
 */
final class PostgresFixture implements AutoCloseable {

    final TestDatabase database;
    final HikariDataSource pool;
    final MyBatisPersistence persistence;

    private PostgresFixture(TestDatabase database, int poolSize) {
        this.database = database;
        this.pool = PostgresPool.open(PostgresConnectionSettings.of(database.jdbcUrl(), database.user(),
                database.password()).withMaximumPoolSize(poolSize));
        this.persistence = MyBatisPersistence.create(pool);
    }

    static PostgresFixture migrated() {
        return migrated(10);
    }

    static PostgresFixture migrated(int poolSize) {
        TestDatabase database = TestPostgres.createDatabase();
        TestFlyway.migrate(database);
        return new PostgresFixture(database, poolSize);
    }

    /** Over a database the caller prepared (e.g. a legacy one it adopted). */
    static PostgresFixture over(TestDatabase database) {
        return new PostgresFixture(database, 10);
    }

    User createUser(String name, Role role) {
        return persistence.users().create(new NewUser(new Username(name),
                new PasswordHash("$2b$12$notarealhashnotarealhashnotarealhashnotarealhashnot"), false, role,
                Instant.parse("2025-01-01T00:00:00Z")));
    }

    static Booking pending(User owner, Instant start, int minutes, Instant now) {
        return aBooking().at(start).withAddress(new Address("1 Main St", "Springfield", null, "United States"))
                .lasting(minutes).withTopic("Topic").ownedBy(owner).createdAt(now).build();
    }

    /** A single number from SQL run outside the adapter, to check what the database holds. */
    long count(String sql) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
