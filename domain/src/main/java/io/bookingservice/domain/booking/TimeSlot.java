package io.bookingservice.domain.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The half-open interval {@code [start, start + duration)} a booking occupies. */
public record TimeSlot(Instant start, Duration duration) {

    public TimeSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a time slot lasts a positive time, got " + duration);
        }
    }

    public static TimeSlot ofMinutes(Instant start, int minutes) {
        return new TimeSlot(start, Duration.ofMinutes(minutes));
    }

    public Instant end() {
        return start.plus(duration);
    }

    /** Back-to-back slots (one ends when the other starts) do not overlap. */
    public boolean overlaps(TimeSlot other) {
        return start.isBefore(other.end()) && other.start.isBefore(end());
    }
}
