package io.bookingservice.domain.booking;

import io.bookingservice.domain.Violation;
import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Rules for a new event time: not more than an hour in the past. */
final class EventTime {

    /** Leeway for clients that submit "now" with a slow clock or a slow network. */
    static final Duration PAST_TOLERANCE = Duration.ofHours(1);

    private EventTime() {
    }

    static Instant check(Instant eventTime, Clock clock) {
        if (eventTime != null && eventTime.isBefore(clock.instant().minus(PAST_TOLERANCE))) {
            throw new ValidationException(Violation.rejected(Rule.IN_THE_PAST, eventTime));
        }
        return eventTime;
    }
}
