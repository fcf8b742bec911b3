package io.bookingservice.adapters.web.security;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by {@link BoundedHashing} when every permit is busy and the waiting line is full: the
 * request is refused at once instead of piling up. The web layer answers 503 with
 * {@code Retry-After: }{@link #retryAfterSeconds()}.
 */
public final class HashingSaturatedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public HashingSaturatedException(Duration retryAfter) {
        super("Password hashing is saturated; retry after " + retryAfter.toSeconds() + "s");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds for the {@code Retry-After} header, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
