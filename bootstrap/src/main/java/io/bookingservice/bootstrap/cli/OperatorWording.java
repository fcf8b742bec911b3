package io.bookingservice.bootstrap.cli;

import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import java.util.stream.Collectors;

/**
 * Words the core's validation failures for an operator at a terminal, in plain sentences and
 * the CLI's own option names; the web adapter words the same {@link Violation}s as the Python
 * service's clients expect. Neither touches the core.
 */
final class OperatorWording {

    private OperatorWording() {
    }

    /** Every violation, e.g. {@code --password needs at least 8 characters}. */
    static String describe(ValidationException e) {
        return e.violations().stream().map(OperatorWording::sentence).collect(Collectors.joining("; "));
    }

    static String sentence(Violation v) {
        String subject = v.field().isEmpty() ? "the value" : "--" + optionName(v.field());
        Object limit = v.limit();
        String problem = switch (v.rule()) {
            case REQUIRED -> "is required";
            case TOO_SHORT -> limit == null ? "is required" : "needs at least " + characters(limit);
            case TOO_LONG -> "has at most " + characters(limit);
            case NOT_ABOVE -> "must be greater than " + limit;
            case BELOW_MINIMUM -> "must be at least " + limit;
            case ABOVE_MAXIMUM -> "must be at most " + limit;
            case NOT_ONE_OF -> "must be one of " + String.join(", ", v.options()) + " (got '" + v.rejected() + "')";
            case LENGTH_OUT_OF_RANGE -> "must have 1 to " + characters(limit);
            case IN_THE_PAST -> "is more than an hour in the past (" + v.rejected() + ")";
            case UNKNOWN_COUNTRY -> "names no known country ('" + v.rejected() + "')";
            case AMBIGUOUS_COUNTRY -> "matches several countries ('" + v.rejected() + "': "
                    + String.join("; ", v.options()) + "); give a name or ISO code";
            case UNTRIMMED_OR_CONTROL_CHARACTERS -> "may not start or end with blanks or contain control characters";
            case EMAIL_WITHOUT_AT_SIGN, EMAIL_WITH_SEVERAL_AT_SIGNS, EMAIL_WITHOUT_LOCAL_PART, EMAIL_WITHOUT_DOMAIN,
                    EMAIL_WITH_INVALID_CHARACTERS, EMAIL_DOMAIN_WITHOUT_PERIOD -> "is not a valid e-mail address";
        };
        return subject + " " + problem;
    }

    /** {@code newPassword} is the option {@code --new-password}. */
    private static String optionName(String field) {
        StringBuilder name = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('-').append(Character.toLowerCase(c));
            } else {
                name.append(c == '.' ? '-' : c);
            }
        }
        return name.toString();
    }

    private static String characters(Object limit) {
        return limit + (Integer.valueOf(1).equals(limit) ? " character" : " characters");
    }
}
