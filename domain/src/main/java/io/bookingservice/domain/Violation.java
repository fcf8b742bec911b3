package io.bookingservice.domain;

import java.util.Objects;

/**
 * One invalid input value.
 *
 * @param field   dotted path of the offending field, e.g. {@code address.country}; empty
 *                when a value object reports on itself and does not know its field name
 * @param code    machine-readable kind, in the vocabulary the Python service's clients
 *                know (pydantic's): {@code missing}, {@code value_error},
 *                {@code greater_than}, {@code less_than_equal}, {@code string_too_short},
 *                {@code string_too_long}
 * @param message what is wrong, in words a user can act on
 * @param limit   the bound that was crossed, when there is one (else {@code null})
 */
public record Violation(String field, String code, String message, Object limit) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public Violation(String field, String code, String message) {
        this(field, code, message, null);
    }

    /**
     * The same violation, reported under an enclosing field: {@code address} + {@code city}
     * gives {@code address.city}; a value-level violation (empty field) takes the parent's name.
     */
    public Violation under(String parent) {
        return new Violation(field.isEmpty() ? parent : parent + "." + field, code, message, limit);
    }
}
