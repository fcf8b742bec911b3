package io.bookingservice.domain.user;

import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;

/** The login name: 1 to 100 characters (the legacy column is varchar(100)), no surrounding blanks. */
public record Username(String value) {

    public static final int MAX_LENGTH = 100;

    public Username {
        if (value == null || value.isEmpty()) {
            throw new ValidationException(new Violation("", "string_too_short",
                    "A username needs at least 1 character", 1));
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException(new Violation("", "string_too_long",
                    "A username has at most " + MAX_LENGTH + " characters", MAX_LENGTH));
        }
        if (!value.strip().equals(value) || value.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("", "value_error",
                    "A username may not start or end with blanks or contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
