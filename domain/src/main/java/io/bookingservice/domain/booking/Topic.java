package io.bookingservice.domain.booking;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;

/** Rules for a new topic: trimmed, non-empty, at most 200 characters. */
final class Topic {

    static final int MAX_LENGTH = 200;

    private Topic() {
    }

    static String clean(String topic) {
        String stripped = topic == null ? "" : topic.strip();
        if (stripped.isEmpty()) {
            throw new ValidationException(Violation.limit(Rule.TOO_SHORT, 1));
        }
        if (stripped.length() > MAX_LENGTH) {
            throw new ValidationException(Violation.limit(Rule.TOO_LONG, MAX_LENGTH));
        }
        return stripped;
    }
}
