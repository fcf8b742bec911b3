package io.bookingservice.adapters.persistence.memory;

import io.bookingservice.application.port.out.Transactions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The in-memory "database": one lock that makes every unit of work serialisable, and an
 * undo log that rolls a failed unit of work back. The in-memory repositories share one
 * instance, so a unit of work spans all of them like a database transaction.
 *
 * <p>Repository calls outside {@link #inTransaction} take the same lock for their own
 * duration (auto-commit). A unit of work nested in another joins it; when the nested one
 * fails, only its own writes are undone (like a savepoint) and the outer one decides.
 */
public final class InMemoryTransactions implements Transactions {

    private final ReentrantLock lock = new ReentrantLock();

    /** Guarded by {@link #lock}: only the thread holding it reads or writes these. */
    private final Deque<Runnable> undoLog = new ArrayDeque<>();
    private int depth;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        int mark = undoLog.size();
        depth++;
        boolean committed = false;
        try {
            T result = work.get();
            committed = true;
            return result;
        } finally {
            try {
                if (!committed) {
                    rollBackTo(mark);
                }
            } finally {
                depth--;
                if (depth == 0) {
                    undoLog.clear();
                }
                lock.unlock();
            }
        }
    }

    /** Runs one repository operation under the lock, atomically; it joins a running unit of work. */
    <T> T locked(Supplier<T> operation) {
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records how to undo a write just made. Call it only from inside {@link #locked}; outside
     * a unit of work there is nothing to roll back, so nothing is recorded.
     */
    void onRollback(Runnable undo) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("writes must run under the store's lock");
        }
        if (depth > 0) {
            undoLog.push(undo);
        }
    }

    private void rollBackTo(int mark) {
        while (undoLog.size() > mark) {
            undoLog.pop().run();
        }
    }
}
