package io.bookingservice.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a session lives: {@code idle} without a refresh, {@code max} in total.
 */
public record SessionLimits(Duration idle, Duration max) {

    public static final SessionLimits DEFAULT = new SessionLimits(Duration.ofHours(8), Duration.ofDays(7));

    public SessionLimits {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(max, "max");
        if (idle.isNegative() || idle.isZero() || max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("session limits must be positive");
        }
        if (idle.compareTo(max) > 0) {
            throw new IllegalArgumentException("the idle limit (" + idle + ") exceeds the total one (" + max + ")");
        }
    }
}
