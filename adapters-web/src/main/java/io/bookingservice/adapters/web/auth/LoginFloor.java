package io.bookingservice.adapters.web.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The least time a failed login takes, counted from when {@code POST /token} arrived
 * ({@code BOOKING_LOGIN_FLOOR}, {@value #DEFAULT_MILLIS} ms by default), so that an outsider
 * cannot tell accounts apart by how long a refusal takes: a wrong password on an argon2id
 * account (~20 ms of hashing), on a legacy bcrypt-12 one (~220 ms), an unknown user (one
 * argon2id verify of a decoy), a disabled account and a password with a NUL byte all answer
 * 401 at the same moment, as long as the floor is above the slowest verify.
 *
 * <p>The wait happens after the verify has returned, so outside the hashing gate
 * ({@code BoundedHashing}): no hashing permit is held and no place in its line is taken, and
 * no CPU is spent — the request thread is parked in {@link Thread#sleep}. That costs one of
 * Jetty's 64 request threads for at most the floor; the login throttle bounds how many failed
 * attempts one address can have in flight. A scheduled completion (servlet async) would free
 * the thread too, but would send every failed login through the async dispatch of every
 * filter for a saving that the throttle already makes small.
 *
 * <p>Successful logins are not delayed: the 200 tells the caller more than any timing could.
 * Thread-safe.
 */
public final class LoginFloor {

    public static final long DEFAULT_MILLIS = 300;
    public static final Duration DEFAULT = Duration.ofMillis(DEFAULT_MILLIS);

    /** Parks the calling thread; a test's sleeper records the call and advances its clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration floor;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    /** On the system's monotonic clock, waiting with {@link Thread#sleep}. */
    public LoginFloor(Duration floor) {
        this(floor, System::nanoTime, duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000));
    }

    /**
     * @param floor    the least time from arrival to the answer of a failed login; zero switches it off
     * @param nanoTime a monotonic clock in nanoseconds, as {@link System#nanoTime()}
     * @param sleeper  how to wait
     */
    public LoginFloor(Duration floor, LongSupplier nanoTime, Sleeper sleeper) {
        Objects.requireNonNull(floor, "floor");
        if (floor.isNegative()) {
            throw new IllegalArgumentException("the login floor must not be negative");
        }
        this.floor = floor;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public Duration floor() {
        return floor;
    }

    /** The arrival mark to hand to {@link #waitOut}; take it first thing when the request is handled. */
    public long arrived() {
        return nanoTime.getAsLong();
    }

    /**
     * Returns no earlier than the floor after {@code arrivedNanos} (from {@link #arrived()}), at once
     * if that moment has passed. Call it with no hashing permit held. An interrupt (shutdown) ends
     * the wait early and stays set on the thread.
     */
    public void waitOut(long arrivedNanos) {
        long remaining = floor.toNanos() - (nanoTime.getAsLong() - arrivedNanos);
        // A loop, so that a sleep ending a little early (as the platform allows) cannot leak.
        while (remaining > 0) {
            try {
                sleeper.sleep(Duration.ofNanos(remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            remaining = floor.toNanos() - (nanoTime.getAsLong() - arrivedNanos);
        }
    }
}
