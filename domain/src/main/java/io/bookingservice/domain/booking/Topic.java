package io.bookingservice.domain.booking;

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
            throw new ValidationException(new Violation("", "string_too_short",
                    "String should have at least 1 character", 1));
        }
        if (stripped.length() > MAX_LENGTH) {
            throw new ValidationException(new Violation("", "string_too_long",
                    "String should have at most " + MAX_LENGTH + " characters", MAX_LENGTH));
        }
        return stripped;
    }
}
