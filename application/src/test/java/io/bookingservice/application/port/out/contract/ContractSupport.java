package io.bookingservice.application.port.out.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** What the contract tests share: time slots no other test uses, and racing threads. */
final class ContractSupport {

    /**
     * Each test takes days of its own, so accepted bookings left by earlier tests (stores are
     * not necessarily emptied between tests) never overlap a later test's bookings.
     */
    private static final Instant FIRST_DAY = Instant.parse("2100-01-01T00:00:00Z");
    private static final AtomicLong NEXT_DAY = new AtomicLong();

    /** Guards against a deadlocked adapter hanging the build; not a statement about speed. */
    static final long DEADLOCK_GUARD_SECONDS = 60;

    private ContractSupport() {
    }

    /** Midnight (UTC) of a day no other test in this JVM uses. */
    static Instant freshDay() {
        return FIRST_DAY.plus(Duration.ofDays(NEXT_DAY.getAndIncrement()));
    }

    /**
     * Runs every task at once on its own thread (released together by a latch) and returns
     * their results in task order. A task's unexpected exception fails the caller.
     */
    static <T> List<T> race(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw new AssertionError("a racing task failed unexpectedly", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("racing tasks did not finish: deadlock?", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
