package io.bookingservice.domain.user;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;

/** The login name: 1 to 100 characters (the legacy column is varchar(100)), no surrounding blanks. */
public record Username(String value) {

    public static final int MAX_LENGTH = 100;

    public Username {
        if (value == null || value.isEmpty()) {
            throw new ValidationException(Violation.limit(Rule.TOO_SHORT, 1));
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException(Violation.limit(Rule.TOO_LONG, MAX_LENGTH));
        }
        if (!value.strip().equals(value) || value.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(Violation.of(Rule.UNTRIMMED_OR_CONTROL_CHARACTERS));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
