package io.bookingservice.adapters.web.error;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Words the core's {@link Violation}s as FastAPI's error entries, the way pydantic and the Python
 * service's validators worded them: the only place that knows pydantic's {@code type} codes, its
 * sentences and its {@code ctx} members, and the JSON names of the commands' fields. The core
 * says which field broke which rule with which limit; everything a client reads is made here.
 */
public final class ViolationErrors {

    private static final String EMAIL_PREFIX = "value is not a valid email address: ";
    private static final String VALUE_ERROR = "Value error, ";

    private ViolationErrors() {
    }

    /**
     * @param prefix where the validated input came from, e.g. {@code ["body"]}
     * @param input  the parsed input, to echo the offending value as FastAPI did; may be {@code null}
     */
    public static List<FieldError> of(List<Violation> violations, List<Object> prefix, JsonNode input) {
        List<FieldError> errors = new ArrayList<>();
        for (Violation v : violations) {
            List<Object> loc = new ArrayList<>(prefix);
            JsonNode value = input;
            if (!v.field().isEmpty()) {
                for (String part : v.field().split("\\.")) {
                    String key = jsonName(part);
                    loc.add(key);
                    value = value == null ? null : value.get(key);
                }
            }
            errors.add(entry(v, loc, value));
        }
        return errors;
    }

    /** The violations of one query parameter, at FastAPI's {@code ["query", name]}, echoing the text sent. */
    public static List<FieldError> ofQuery(List<Violation> violations, String parameter, String sent) {
        return violations.stream().map(v -> entry(v, List.of("query", parameter), sent)).toList();
    }

    /** The violations of one request header, at FastAPI's {@code ["header", name]}. */
    public static List<FieldError> ofHeader(List<Violation> violations, String header) {
        return violations.stream().map(v -> entry(v, List.of("header", header), null)).toList();
    }

    private static FieldError entry(Violation v, List<Object> loc, Object value) {
        String field = lastPart(v.field());
        Object limit = v.limit();
        return switch (v.rule()) {
            case REQUIRED -> new FieldError("missing", loc, "Field required", value, null);
            case TOO_SHORT -> limit == null
                    ? new FieldError("string_too_short", loc, "A " + field + " is required", value, null)
                    : new FieldError("string_too_short", loc, tooShort(field, limit), value, Map.of("min_length", limit));
            case TOO_LONG -> new FieldError("string_too_long", loc, tooLong(field, limit), value, Map.of("max_length", limit));
            case NOT_ABOVE -> new FieldError("greater_than", loc, "Input should be greater than " + limit, value,
                    Map.of("gt", limit));
            case BELOW_MINIMUM -> new FieldError("greater_than_equal", loc, "Input should be greater than or equal to "
                    + limit, value, Map.of("ge", limit));
            case ABOVE_MAXIMUM -> new FieldError("less_than_equal", loc, "Input should be less than or equal to " + limit,
                    value, Map.of("le", limit));
            case NOT_ONE_OF -> new FieldError("enum", loc, capitalised(field) + " must be one of "
                    + v.options().stream().map(o -> "'" + o + "'").collect(Collectors.joining(", "))
                    + ", got '" + v.rejected() + "'", value, null);
            case LENGTH_OUT_OF_RANGE -> valueError(loc, withArticle(displayName(v.field())) + " has 1 to " + limit
                    + " characters", value);
            case IN_THE_PAST -> valueError(loc, "Event time " + v.rejected() + " is more than an hour in the past", value);
            case UNKNOWN_COUNTRY -> valueError(loc, "'" + v.rejected() + "' cannot be matched to any country", value);
            case AMBIGUOUS_COUNTRY -> valueError(loc, "'" + v.rejected() + "' matches several countries: "
                    + String.join("; ", v.options()) + ". Give its name or ISO code", value);
            case UNTRIMMED_OR_CONTROL_CHARACTERS -> valueError(loc, "A " + field
                    + " may not start or end with blanks or contain control characters", value);
            case EMAIL_WITHOUT_AT_SIGN -> email(loc, "An email address must have an @-sign.", value);
            case EMAIL_WITH_SEVERAL_AT_SIGNS -> email(loc, "The email address has more than one @-sign.", value);
            case EMAIL_WITHOUT_LOCAL_PART -> email(loc, "There must be something before the @-sign.", value);
            case EMAIL_WITHOUT_DOMAIN -> email(loc, "There must be something after the @-sign.", value);
            case EMAIL_WITH_INVALID_CHARACTERS -> email(loc, "The email address contains invalid characters.", value);
            case EMAIL_DOMAIN_WITHOUT_PERIOD -> email(loc, "The part after the @-sign is not valid. It should have a period.",
                    value);
        };
    }

    /** Accounts had their own sentences in the Python service; other texts had pydantic's. */
    private static String tooShort(String field, Object limit) {
        return switch (field) {
            case "username" -> "A username needs at least " + characters(limit);
            case "password", "newPassword" -> "A password needs at least " + characters(limit);
            default -> "String should have at least " + characters(limit);
        };
    }

    private static String tooLong(String field, Object limit) {
        return switch (field) {
            case "username" -> "A username has at most " + characters(limit);
            case "password", "newPassword" -> "A password has at most " + characters(limit);
            default -> "String should have at most " + characters(limit);
        };
    }

    private static String characters(Object limit) {
        return limit + (Integer.valueOf(1).equals(limit) ? " character" : " characters");
    }

    private static FieldError valueError(List<Object> loc, String message, Object value) {
        return new FieldError("value_error", loc, VALUE_ERROR + message, value, Map.of("error", Map.of()));
    }

    /** pydantic passed the e-mail validator's message through unchanged, with its reason as context. */
    private static FieldError email(List<Object> loc, String reason, Object value) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("reason", reason);
        return new FieldError("value_error", loc, EMAIL_PREFIX + reason, value, ctx);
    }

    /** The JSON member of a command field: {@code durationMinutes} is {@code duration_minutes}. */
    static String jsonName(String field) {
        StringBuilder name = new StringBuilder(field.length() + 4);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static String lastPart(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    private static String capitalised(String field) {
        return field.isEmpty() ? "Value" : field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
    }

    /** How the API names a field in a sentence: {@code idempotencyKey} is the header {@code Idempotency-Key}. */
    private static String displayName(String field) {
        return "idempotencyKey".equals(field) ? "Idempotency-Key" : lastPart(field);
    }

    private static String withArticle(String noun) {
        return ("AEIOUaeiou".indexOf(noun.isEmpty() ? 'x' : noun.charAt(0)) >= 0 ? "An " : "A ") + noun;
    }
}
