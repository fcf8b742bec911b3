package io.bookingservice.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.application.error.ConcurrentUpdateException;
import io.bookingservice.application.error.DuplicateException;
import io.bookingservice.application.error.StorageUnavailableException;
import io.bookingservice.application.error.UnstorableValueException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class DatabaseErrorsTest {

    @Test
    void findsTheSqlStateUnderSpringAndMyBatisWrappers() {
        RuntimeException wrapped = new DataIntegrityViolationException("insert",
                new PersistenceException(new SQLException("duplicate key", "23505")));

        assertThat(DatabaseErrors.sqlState(wrapped)).contains("23505");
        assertThat(DatabaseErrors.translate(wrapped, "create user")).isInstanceOf(DuplicateException.class);
    }

    @Test
    void prefersTheInnermostSqlState() {
        SQLException driver = new SQLException("exclusion", "23P01");
        SQLException batch = new SQLException("batch failed", "HY000", driver);

        assertThat(DatabaseErrors.sqlState(new UncategorizedSQLException("x", "sql", batch))).contains("23P01");
    }

    @Test
    void connectionFailuresAndServerShutdownMeanTheStorageIsUnavailable() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03", "53300"}) {
            RuntimeException failure = new UncategorizedSQLException("q", "sql", new SQLException("gone", state));
            assertThat(DatabaseErrors.translate(failure, "read")).as(state)
                    .isInstanceOf(StorageUnavailableException.class);
        }
    }

    @Test
    void anExhaustedPoolWithoutSqlStateIsUnavailableToo() {
        RuntimeException timeout = new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("booking-db - Connection is not available, request timed out"));

        assertThat(DatabaseErrors.translate(timeout, "read")).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void aDeadlockIsAConcurrentUpdate() {
        RuntimeException deadlock = new UncategorizedSQLException("q", "sql", new SQLException("deadlock", "40P01"));

        assertThat(DatabaseErrors.translate(deadlock, "update")).isInstanceOf(ConcurrentUpdateException.class);
    }

    /** Issue 9 §4: a NUL in a topic or a time beyond PostgreSQL's range came back as a 500. */
    @Test
    void aDataExceptionFromAnUnstorableValueIsTheRequestsFaultAndKeepsItsCause() {
        for (String state : new String[] {"22001", "22003", "22007", "22008", "22021", "22026", "22P05"}) {
            SQLException driver = new SQLException("invalid byte sequence", state);
            RuntimeException failure = new UncategorizedSQLException("q", "sql", driver);
            assertThat(DatabaseErrors.translate(failure, "insert booking")).as(state)
                    .isInstanceOf(UnstorableValueException.class).hasRootCause(driver);
        }
    }

    @Test
    void otherDataExceptionsStayServerErrors() {
        for (String state : new String[] {"22012", "22023", "22P02", "2201B", "22000"}) {
            RuntimeException failure = new UncategorizedSQLException("q", "sql", new SQLException("data", state));
            assertThat(DatabaseErrors.translate(failure, "list bookings")).as(state)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anythingElseIsAServerErrorThatKeepsItsCause() {
        RuntimeException syntax = new UncategorizedSQLException("q", "sql", new SQLException("syntax", "42601"));

        RuntimeException translated = DatabaseErrors.translate(syntax, "list bookings");

        assertThat(translated).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("list bookings").hasMessageContaining("42601")
                .hasCause(syntax);
    }
}
