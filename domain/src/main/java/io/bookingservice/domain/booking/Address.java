package io.bookingservice.domain.booking;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.Validation;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import java.util.Objects;

/**
 * Where the talk takes place. {@code country} holds the ISO 3166-1 short name.
 * The canonical constructor trusts its input (stored rows are read back as they are);
 * {@link #of} validates and normalises new input.
 */
public record Address(String street, String city, String state, String country) {

    public static final int MAX_LENGTH = 200;

    public Address {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(country, "country");
    }

    /**
     * New input: street and city non-blank, state optional (blank becomes absent), every
     * part at most {@value #MAX_LENGTH} characters, country normalised by {@link Country#lookup}.
     */
    public static Address of(String street, String city, String state, String country) {
        Validation validation = new Validation();
        String cleanStreet = validation.attempt("street", () -> text(street, true));
        String cleanCity = validation.attempt("city", () -> text(city, true));
        String cleanState = validation.attempt("state", () -> text(state, false));
        Country found = validation.attempt("country", () -> Country.lookup(country));
        validation.throwIfInvalid();
        return new Address(cleanStreet, cleanCity, cleanState, found.name());
    }

    private static String text(String value, boolean required) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            if (required) {
                throw new ValidationException(Violation.limit(Rule.TOO_SHORT, 1));
            }
            return null;
        }
        if (stripped.length() > MAX_LENGTH) {
            throw new ValidationException(Violation.limit(Rule.TOO_LONG, MAX_LENGTH));
        }
        return stripped;
    }
}
