package io.bookingservice.domain;

import java.util.List;
import java.util.Objects;

/**
 * One invalid input value, as data: which field, which {@link Rule}, and the facts a message
 * needs. It holds no wording: each driving adapter says it its own way.
 *
 * @param field    dotted path of the offending field in the command's own terms, e.g.
 *                 {@code address.country} or {@code durationMinutes}; empty when a value object
 *                 reports on itself and does not know its field name
 * @param rule     the rule that was broken
 * @param limit    the bound that was crossed, when there is one (else {@code null})
 * @param rejected the offending value when the rule's description names it (else {@code null})
 * @param options  the allowed values or the candidates, when the rule has them (else empty)
 */
public record Violation(String field, Rule rule, Object limit, Object rejected, List<String> options) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        options = List.copyOf(options);
    }

    /** A rule broken by the value itself, with nothing more to say. */
    public static Violation of(Rule rule) {
        return new Violation("", rule, null, null, List.of());
    }

    /** A missing value of a field. */
    public static Violation required(String field) {
        return new Violation(field, Rule.REQUIRED, null, null, List.of());
    }

    /** A bound crossed. */
    public static Violation limit(Rule rule, Object limit) {
        return new Violation("", rule, limit, null, List.of());
    }

    /** A value the description names. */
    public static Violation rejected(Rule rule, Object rejected) {
        return new Violation("", rule, null, rejected, List.of());
    }

    /** A value that is not among the options (or matches several of them). */
    public static Violation choice(Rule rule, Object rejected, List<String> options) {
        return new Violation("", rule, null, rejected, options);
    }

    /** The same violation of the named field. */
    public Violation of(String name) {
        return new Violation(name, rule, limit, rejected, options);
    }

    /**
     * The same violation, reported under an enclosing field: {@code address} + {@code city}
     * gives {@code address.city}; a value-level violation (empty field) takes the parent's name.
     */
    public Violation under(String parent) {
        return of(field.isEmpty() ? parent : parent + "." + field);
    }

    /** Neutral, for logs and exception messages: {@code durationMinutes: NOT_ABOVE 0}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(field.isEmpty() ? "value" : field).append(": ").append(rule);
        if (limit != null) {
            text.append(' ').append(limit);
        }
        if (rejected != null) {
            text.append(" (").append(rejected).append(')');
        }
        if (!options.isEmpty()) {
            text.append(' ').append(options);
        }
        return text.toString();
    }
}
