package io.bookingservice.domain.booking;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import java.util.Objects;

/**
 * A contact e-mail address, at most 100 characters (the legacy column). Checked the way
 * the Python service's e-mail validator did for the cases clients hit, with its wording.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 100;

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException(Violation.limit(Rule.TOO_LONG, MAX_LENGTH));
        }
        int at = value.indexOf('@');
        if (at < 0) {
            throw invalid(Rule.EMAIL_WITHOUT_AT_SIGN);
        }
        if (value.indexOf('@', at + 1) >= 0) {
            throw invalid(Rule.EMAIL_WITH_SEVERAL_AT_SIGNS);
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.isEmpty()) {
            throw invalid(Rule.EMAIL_WITHOUT_LOCAL_PART);
        }
        if (domain.isEmpty()) {
            throw invalid(Rule.EMAIL_WITHOUT_DOMAIN);
        }
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw invalid(Rule.EMAIL_WITH_INVALID_CHARACTERS);
        }
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            throw invalid(Rule.EMAIL_DOMAIN_WITHOUT_PERIOD);
        }
    }

    private static ValidationException invalid(Rule rule) {
        return new ValidationException(Violation.of(rule));
    }

    @Override
    public String toString() {
        return value;
    }
}
