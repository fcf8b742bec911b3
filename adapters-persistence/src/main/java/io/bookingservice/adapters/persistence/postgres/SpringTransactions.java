package io.bookingservice.adapters.persistence.postgres;

import io.bookingservice.application.port.out.Transactions;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Transactions} with Spring's {@link TransactionTemplate}: the MyBatis adapters'
 * statements join the transaction through mybatis-spring's SqlSessionTemplate. Any
 * exception from the work rolls back. Nested calls join the outer transaction.
 *
 * <p>READ COMMITTED, PostgreSQL's default, is deliberate: the exclusion constraint and
 * {@code INSERT … ON CONFLICT} give the guarantees that matter under concurrency, and
 * each statement then sees what others committed (a stricter level would turn those
 * waits into serialization failures to retry).
 */
public final class SpringTransactions implements Transactions {

    private final TransactionTemplate template;

    public SpringTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
        this.template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return template.execute(status -> work.get());
        } catch (TransactionException | DataAccessException e) {
            // Begin, commit or rollback failed; the work's own errors are already translated.
            throw DatabaseErrors.translate(e, "transaction");
        }
    }
}
