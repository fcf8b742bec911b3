package io.bookingservice.adapters.persistence.postgres;

import io.bookingservice.application.port.out.Transactions;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Transactions} with Spring's {@link TransactionTemplate}: the MyBatis adapters'
 * statements join the transaction through mybatis-spring's SqlSessionTemplate. Any
 * exception from the work rolls back. Nested calls join the outer transaction.
 *
 * <p>READ COMMITTED, PostgreSQL's default, is deliberate: the exclusion constraint and
 * {@code INSERT … ON CONFLICT} give the guarantees that matter under concurrency, and
 * each statement then sees what others committed (a stricter level would turn those
 * waits into serialization failures to retry). The pool sets it on every connection it opens
 * ({@link PostgresPool#poolConfig}), so transactions here take the connection's level as it is:
 * asking for it by name would make Spring read it back ({@code SHOW TRANSACTION ISOLATION LEVEL})
 * before every transaction, one round trip more per write.
 */
public final class SpringTransactions implements Transactions {

    private final TransactionTemplate template;

    public SpringTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
        this.template.setIsolationLevel(TransactionDefinition.ISOLATION_DEFAULT);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return template.execute(status -> work.get());
        } catch (TransactionSystemException e) {
            // The work failed and then its rollback did too (say the connection died with the
            // database): the work's own failure says what happened, already translated.
            if (e.getApplicationException() instanceof RuntimeException workFailure) {
                throw workFailure;
            }
            throw DatabaseErrors.translate(e, "transaction");
        } catch (TransactionException | DataAccessException e) {
            // Begin, commit or rollback failed; the work's own errors are already translated.
            throw DatabaseErrors.translate(e, "transaction");
        }
    }
}
