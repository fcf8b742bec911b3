package io.bookingservice.domain.booking;

import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import java.util.Objects;

/**
 * A contact e-mail address, at most 100 characters (the legacy column). Checked the way
 * the Python service's e-mail validator did for the cases clients hit, with its wording.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 100;
    private static final String PREFIX = "value is not a valid email address: ";

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException(new Violation("", "string_too_long",
                    "String should have at most " + MAX_LENGTH + " characters", MAX_LENGTH));
        }
        int at = value.indexOf('@');
        if (at < 0) {
            throw invalid("An email address must have an @-sign.");
        }
        if (value.indexOf('@', at + 1) >= 0) {
            throw invalid("The email address has more than one @-sign.");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.isEmpty()) {
            throw invalid("There must be something before the @-sign.");
        }
        if (domain.isEmpty()) {
            throw invalid("There must be something after the @-sign.");
        }
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw invalid("The email address contains invalid characters.");
        }
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            throw invalid("The part after the @-sign is not valid. It should have a period.");
        }
    }

    private static ValidationException invalid(String reason) {
        return new ValidationException(new Violation("", "value_error", PREFIX + reason));
    }

    @Override
    public String toString() {
        return value;
    }
}
