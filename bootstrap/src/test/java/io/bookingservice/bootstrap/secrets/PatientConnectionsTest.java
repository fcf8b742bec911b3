package io.bookingservice.bootstrap.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PatientConnectionsTest {

    private static final Connection CONNECTION = (Connection) Proxy.newProxyInstance(
            PatientConnectionsTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> null);

    /** Fails with the given SQLStates in turn, then connects. */
    private static final class Scripted implements DataSource {
        final Deque<String> failures;
        final AtomicInteger attempts = new AtomicInteger();

        Scripted(List<String> states) {
            this.failures = new ArrayDeque<>(states);
        }

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            String state = failures.poll();
            if (state != null) {
                throw new SQLException("refused (" + state + ")", state);
            }
            return CONNECTION;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("no");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Test
    void whileTheDatabaseCannotBeReachedItKeepsTryingUntilItIsBack() throws SQLException {
        Scripted database = new Scripted(List.of("08001", "57P03", "08006"));

        Connection connection = new PatientConnections(database, Duration.ofSeconds(30)).getConnection();

        assertThat(connection).isSameAs(CONNECTION);
        assertThat(database.attempts).hasValue(4);
    }

    @Test
    void aRefusedPasswordOrAnyOtherFailureIsThrownAtOnce() {
        Scripted database = new Scripted(List.of("28P01"));

        assertThatThrownBy(() -> new PatientConnections(database, Duration.ofSeconds(30)).getConnection())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        assertThat(database.attempts).hasValue(1);
    }

    @Test
    void itGivesUpAfterItsPatienceAndAtOnceWhenClosed() {
        Scripted longOutage = new Scripted(List.of("08001", "08001", "08001", "08001", "08001", "08001"));
        assertThatThrownBy(() -> new PatientConnections(longOutage, Duration.ZERO).getConnection())
                .isInstanceOf(SQLException.class);
        assertThat(longOutage.attempts).hasValue(1);

        Scripted closing = new Scripted(List.of("08001", "08001"));
        PatientConnections patient = new PatientConnections(closing, Duration.ofSeconds(30));
        patient.close();
        assertThatThrownBy(patient::getConnection).isInstanceOf(SQLException.class);
        assertThat(closing.attempts).hasValue(1);
    }
}
