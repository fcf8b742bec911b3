package io.bookingservice.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.application.error.StorageUnavailableException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;

class SpringTransactionsTest {

    /** A transaction manager whose rollback fails the way a connection that died with the database does. */
    private static final class DeadConnectionManager implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            throw new TransactionSystemException("JDBC commit failed", new SQLException("Connection is closed"));
        }

        @Override
        public void rollback(TransactionStatus status) {
            throw new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        }
    }

    private final SpringTransactions transactions = new SpringTransactions(new DeadConnectionManager());

    @Test
    void whenTheRollbackFailsTooTheWorksOwnFailureIsWhatTheCallerSees() {
        StorageUnavailableException lost = new StorageUnavailableException("The database is unavailable (claim)",
                new SQLException("An I/O error occurred", "08006"));

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            throw lost;
        })).isSameAs(lost);
    }

    @Test
    void aFailedCommitWithoutAnyStateIsStillAServerError() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> "done"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Database operation failed: transaction");
    }
}
