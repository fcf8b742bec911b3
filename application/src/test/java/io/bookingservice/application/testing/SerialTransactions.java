package io.bookingservice.application.testing;

import io.bookingservice.application.port.out.Transactions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Fake transactions that run one at a time (isolation by a lock) without rollback;
 * counts how many ran, so tests can check that work was done in a transaction.
 */
public class SerialTransactions implements Transactions {

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            count.incrementAndGet();
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public int count() {
        return count.get();
    }
}
