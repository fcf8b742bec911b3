package io.bookingservice.adapters.web.security;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many expensive hashing calls run at once and how many may wait, so a login flood
 * cannot take every core and all memory (argon2 uses ~19 MiB per call).
 *
 * <p>At most {@code permits} calls run; at most {@code queueCapacity} more wait (first come, first
 * served); any call beyond that fails at once with {@link HashingSaturatedException}. The work runs
 * on the caller's thread: there is no pool to size or shut down, and the caller's context (MDC,
 * security context) stays intact. The wait is bounded by the line length: a caller waits for at
 * most {@code queueCapacity / permits} calls ahead of it.
 */
public final class BoundedHashing {

    private final Semaphore permits;
    private final int maxAdmitted;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Duration retryAfter;

    /**
     * @param permits       calls that may run at once (e.g. the number of cores)
     * @param queueCapacity calls that may wait for a permit
     * @param retryAfter    what {@link HashingSaturatedException#retryAfter()} tells refused callers
     */
    public BoundedHashing(int permits, int queueCapacity, Duration retryAfter) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must not be negative");
        }
        this.permits = new Semaphore(permits, true);
        this.maxAdmitted = permits + queueCapacity;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * Runs {@code work} once a permit is free.
     *
     * @throws HashingSaturatedException when all permits are taken and the line is full
     * @throws IllegalStateException     when interrupted while waiting (the interrupt flag is kept)
     */
    public <T> T run(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (admitted.incrementAndGet() > maxAdmitted) {
            admitted.decrementAndGet();
            throw new HashingSaturatedException(retryAfter);
        }
        try {
            permits.acquire();
            try {
                return work.get();
            } finally {
                permits.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a hashing permit", e);
        } finally {
            admitted.decrementAndGet();
        }
    }

    /** Calls running or waiting now; for a gauge. */
    public int inFlight() {
        return admitted.get();
    }

    /** Calls waiting for a permit now (an estimate, as {@link Semaphore#getQueueLength()}); for a gauge. */
    public int waiting() {
        return permits.getQueueLength();
    }
}
