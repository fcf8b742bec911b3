package io.bookingservice.adapters.web.error;

import io.bookingservice.domain.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns the domain's {@link Violation}s into FastAPI's error entries, worded the way pydantic
 * worded them: {@code value_error} messages carry pydantic's {@code "Value error, "} prefix,
 * except the e-mail validator's, which pydantic passed through unchanged.
 */
public final class ViolationErrors {

    private static final String EMAIL_PREFIX = "value is not a valid email address: ";

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
                    loc.add(part);
                    value = value == null ? null : value.get(part);
                }
            }
            errors.add(new FieldError(v.code(), loc, message(v), value, context(v)));
        }
        return errors;
    }

    private static String message(Violation v) {
        if ("value_error".equals(v.code()) && !v.message().startsWith(EMAIL_PREFIX)) {
            return "Value error, " + v.message();
        }
        return v.message();
    }

    private static Map<String, Object> context(Violation v) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        if ("value_error".equals(v.code())) {
            if (v.message().startsWith(EMAIL_PREFIX)) {
                ctx.put("reason", v.message().substring(EMAIL_PREFIX.length()));
            } else {
                ctx.put("error", Map.of());
            }
        } else if (v.limit() != null) {
            String key = switch (v.code()) {
                case "greater_than" -> "gt";
                case "greater_than_equal" -> "ge";
                case "less_than" -> "lt";
                case "less_than_equal" -> "le";
                case "string_too_short" -> "min_length";
                case "string_too_long" -> "max_length";
                default -> null;
            };
            if (key != null) {
                ctx.put(key, v.limit());
            }
        }
        return ctx.isEmpty() ? null : ctx;
    }
}
