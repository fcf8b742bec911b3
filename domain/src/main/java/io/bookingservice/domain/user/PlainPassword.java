package io.bookingservice.domain.user;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;

/**
 * A new password as typed: 8 to 128 characters, never truncated. {@link #toString()}
 * never reveals it. Passwords being <em>verified</em> are not checked against these
 * rules (legacy passwords may be shorter).
 */
public record PlainPassword(String value) {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    public PlainPassword {
        if (value == null) {
            throw new ValidationException(Violation.of(Rule.REQUIRED));
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH) {
            throw new ValidationException(Violation.limit(Rule.TOO_SHORT, MIN_LENGTH));
        }
        if (length > MAX_LENGTH) {
            throw new ValidationException(Violation.limit(Rule.TOO_LONG, MAX_LENGTH));
        }
    }

    @Override
    public String toString() {
        return "PlainPassword[redacted]";
    }
}
