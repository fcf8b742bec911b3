package io.bookingservice.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the violations of several fields so that one answer lists them all,
 * instead of stopping at the first.
 */
public final class Validation {

    private final List<Violation> violations = new ArrayList<>();

    /**
     * Builds a value, recording its violations (reported under {@code field}) instead of
     * throwing them; returns {@code null} when it failed.
     */
    public <T> T attempt(String field, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ValidationException e) {
            for (Violation v : e.violations()) {
                violations.add(v.under(field));
            }
            return null;
        }
    }

    public void add(Violation violation) {
        violations.add(violation);
    }

    /** Throws every collected violation at once, if there are any. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
