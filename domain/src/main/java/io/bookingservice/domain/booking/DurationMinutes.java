package io.bookingservice.domain.booking;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;

/** Rules for a new duration: 1 to 1440 minutes (one day). */
final class DurationMinutes {

    static final int MAX_MINUTES = 1440;

    private DurationMinutes() {
    }

    static int check(int minutes) {
        if (minutes <= 0) {
            throw new ValidationException(Violation.limit(Rule.NOT_ABOVE, 0));
        }
        if (minutes > MAX_MINUTES) {
            throw new ValidationException(Violation.limit(Rule.ABOVE_MAXIMUM, MAX_MINUTES));
        }
        return minutes;
    }
}
