package io.bookingservice.domain.booking;

import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;

/** Rules for a new duration: 1 to 1440 minutes (one day). */
final class DurationMinutes {

    static final int MAX_MINUTES = 1440;

    private DurationMinutes() {
    }

    static int check(int minutes) {
        if (minutes <= 0) {
            throw new ValidationException(new Violation("", "greater_than", "Input should be greater than 0", 0));
        }
        if (minutes > MAX_MINUTES) {
            throw new ValidationException(new Violation("", "less_than_equal",
                    "Input should be less than or equal to " + MAX_MINUTES, MAX_MINUTES));
        }
        return minutes;
    }
}
