package io.bookingservice.application.port.out.contract;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Nested;

/**
 * What every persistence adapter must do, port by port: subclass it once per adapter and
 * return the adapter's {@link PersistencePorts}. Each port's suite runs as a {@link Nested}
 * class of that one subclass:
 * <pre>{@code
 * class InMemoryPersistenceContractTest extends PersistenceContract {
 *     protected PersistencePorts ports() {
 *         InMemoryTransactions transactions = new InMemoryTransactions();
 *         ...
 *         return new PersistencePorts(bookings, users, idempotencyStore, sessions, transactions);
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #ports()} is called before every test. Return fresh ports (an empty store) or the
 * same ones every time (a database per class, opened in a {@code @BeforeAll}): no test assumes
 * an empty store. Each test creates users of its own and books days no other test uses.
 */
public abstract class PersistenceContract {

    /** The adapter under test, for the next test. */
    protected abstract PersistencePorts ports();

    /**
     * Whether a unit of work that throws leaves no trace (rows, updates, claims, accounts). Every
     * adapter must answer {@code true}, the default. Only the application's fakes answer
     * {@code false}: they run units of work one at a time without rollback, and the tests that
     * check rollback are then skipped (reported as such), not passed.
     */
    protected boolean undoesFailedUnitsOfWork() {
        return true;
    }

    /**
     * Whether the store itself refuses an accepted booking that overlaps another accepted one,
     * even when two writes race. Every adapter must answer {@code true}, the default (PostgreSQL:
     * an exclusion constraint). Only the application's fakes answer {@code false}: they leave the
     * rule to the domain, so that service tests exercise the domain's check.
     */
    protected boolean refusesOverlaps() {
        return true;
    }

    /**
     * Returns once another unit of work waits for the account lock this thread holds (the user
     * contract checks that the lock really excludes, without a guessed sleep). The default
     * suits adapters that lock in this JVM: the waiting thread parks. An adapter whose locks
     * live elsewhere (a database) overrides it and asks there, e.g. with {@link #awaitCondition}.
     *
     * @param waiter the thread of the unit of work that should be waiting (set once it started)
     */
    protected void awaitBlockedOnLock(AtomicReference<Thread> waiter) {
        UserRepositoryContract.awaitThreadParked(waiter);
    }

    /** Polls {@code condition} every few milliseconds, failing after the contracts' deadlock guard. */
    protected static void awaitCondition(String what, BooleanSupplier condition) {
        UserRepositoryContract.awaitCondition(what, condition);
    }

    @Nested
    class Bookings extends BookingRepositoryContract {
        @Override
        protected PersistencePorts ports() {
            return PersistenceContract.this.ports();
        }

        @Override
        protected boolean undoesFailedUnitsOfWork() {
            return PersistenceContract.this.undoesFailedUnitsOfWork();
        }

        @Override
        protected boolean refusesOverlaps() {
            return PersistenceContract.this.refusesOverlaps();
        }
    }

    @Nested
    class Accounts extends UserRepositoryContract {
        @Override
        protected PersistencePorts ports() {
            return PersistenceContract.this.ports();
        }

        @Override
        protected void awaitBlockedOnLock(AtomicReference<Thread> waiter) {
            PersistenceContract.this.awaitBlockedOnLock(waiter);
        }

        @Override
        protected boolean undoesFailedUnitsOfWork() {
            return PersistenceContract.this.undoesFailedUnitsOfWork();
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyStoreContract {
        @Override
        protected PersistencePorts ports() {
            return PersistenceContract.this.ports();
        }

        @Override
        protected boolean undoesFailedUnitsOfWork() {
            return PersistenceContract.this.undoesFailedUnitsOfWork();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected PersistencePorts ports() {
            return PersistenceContract.this.ports();
        }
    }
}
