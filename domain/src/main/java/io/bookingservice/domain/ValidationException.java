package io.bookingservice.domain;

import java.util.List;
import java.util.stream.Collectors;

/** New input breaks one or more rules; lists every violation found. */
public final class ValidationException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public ValidationException(Violation violation) {
        this(List.of(violation));
    }

    /** One violation of the named field. */
    public static ValidationException of(String field, Violation violation) {
        return new ValidationException(violation.of(field));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(Violation::toString)
                .collect(Collectors.joining("; "));
    }
}
