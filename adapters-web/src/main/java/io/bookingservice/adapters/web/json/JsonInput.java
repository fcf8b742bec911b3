package io.bookingservice.adapters.web.json;

import io.bookingservice.adapters.web.error.FieldError;
import io.bookingservice.adapters.web.error.RequestValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request body the way pydantic (lax mode) read it for the Python service,
 * collecting every type error with FastAPI's {@code loc}/{@code msg}/{@code type} instead of
 * stopping at the first. Business rules (ranges, lengths, countries) stay in the domain;
 * this only checks shapes and types.
 */
public final class JsonInput {

    private final List<FieldError> errors = new ArrayList<>();

    /** The body must be a JSON object; a missing body or any other value is refused at once. */
    public static JsonNode requireObject(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            throw new RequestValidationException(FieldError.of("missing", List.of("body"), "Field required", null));
        }
        if (!body.isObject()) {
            throw new RequestValidationException(FieldError.of("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", body));
        }
        return body;
    }

    /** A string member; {@code required} = absent is an error, else absent and {@code null} give {@code null}. */
    public String string(JsonNode parent, List<Object> loc, String name, boolean required) {
        JsonNode value = member(parent, loc, name, required);
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            if (required) {
                error("string_type", loc, name, "Input should be a valid string", value);
            }
            return null;
        }
        if (!value.isString()) {
            error("string_type", loc, name, "Input should be a valid string", value);
            return null;
        }
        return value.stringValue();
    }

    /**
     * A string member of free text a person reads or a database stores (topic, address,
     * contact e-mail): as {@link #string}, and refusing Unicode control characters (category
     * Cc) other than tab, line feed and carriage return. A NUL cannot be stored in PostgreSQL
     * text at all, and the rest only hide or garble what an admin sees. A rule of this service,
     * not of the Python one (see docs/web-api.md, deviations). Never for passwords: any
     * character is allowed there.
     */
    public String text(JsonNode parent, List<Object> loc, String name, boolean required) {
        String value = string(parent, loc, name, required);
        if (value == null) {
            return null;
        }
        int control = firstControlCharacter(value);
        if (control >= 0) {
            List<Object> at = new ArrayList<>(loc);
            at.add(name);
            errors.add(new FieldError("value_error", at,
                    "Value error, control character U+%04X is not allowed".formatted(control), value,
                    Map.of("error", Map.of())));
            return null;
        }
        return value;
    }

    /** @return the first code point of category Cc other than tab, line feed, carriage return; or -1 */
    static int firstControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
        return -1;
    }

    /**
     * An integer member. Numbers beyond {@code int} saturate at its bounds, so that the domain's
     * range check answers ("less than or equal to 1440") instead of an overflow.
     */
    public Integer integer(JsonNode parent, List<Object> loc, String name, boolean required) {
        BigInteger value = bigInteger(parent, loc, name, required);
        if (value == null) {
            return null;
        }
        return value.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    /** As {@link #integer}, saturating at the bounds of {@code long}. */
    public Long longInteger(JsonNode parent, List<Object> loc, String name, boolean required) {
        BigInteger value = bigInteger(parent, loc, name, required);
        if (value == null) {
            return null;
        }
        return value.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    public Boolean bool(JsonNode parent, List<Object> loc, String name, boolean required) {
        JsonNode value = member(parent, loc, name, required);
        if (value == null || (value.isNull() && !required)) {
            return null;
        }
        if (!value.isBoolean()) {
            error("bool_type", loc, name, "Input should be a valid boolean", value);
            return null;
        }
        return value.booleanValue();
    }

    /** A date-time member; see {@link DateTimes#parse} for the accepted forms. */
    public Instant dateTime(JsonNode parent, List<Object> loc, String name, boolean required) {
        JsonNode value = member(parent, loc, name, required);
        if (value == null || (value.isNull() && !required)) {
            return null;
        }
        if (!value.isString()) {
            error("datetime_type", loc, name, "Input should be a valid datetime", value);
            return null;
        }
        Instant parsed = DateTimes.parse(value.stringValue());
        if (parsed == null) {
            List<Object> at = new ArrayList<>(loc);
            at.add(name);
            errors.add(DateTimes.refusal(at, value.stringValue()));
        }
        return parsed;
    }

    /** A nested object member; {@code null} when absent (and not required), null or not an object. */
    public JsonNode object(JsonNode parent, List<Object> loc, String name, boolean required, String modelName) {
        JsonNode value = member(parent, loc, name, required);
        if (value == null || (value.isNull() && !required)) {
            return null;
        }
        if (!value.isObject()) {
            error("model_type", loc, name, "Input should be a valid dictionary or instance of " + modelName, value);
            return null;
        }
        return value;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    public static List<Object> loc(Object... parts) {
        return List.of(parts);
    }

    private static final BigDecimal LONG_RANGE = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigInteger BEYOND_LONG = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);

    private BigInteger bigInteger(JsonNode parent, List<Object> loc, String name, boolean required) {
        JsonNode value = member(parent, loc, name, required);
        if (value == null || (value.isNull() && !required)) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue();
            if (decimal.stripTrailingZeros().scale() <= 0) {
                // 1e100000000 is twelve characters of JSON but 10^100000000 as an integer: a
                // minute of CPU per request. Anything beyond a long is out of every range here,
                // so it is answered as just beyond a long (compareTo looks at exponents first).
                if (decimal.abs().compareTo(LONG_RANGE) > 0) {
                    return decimal.signum() > 0 ? BEYOND_LONG : BEYOND_LONG.negate();
                }
                return decimal.toBigInteger();
            }
            error("int_from_float", loc, name, "Input should be a valid integer, got a number with a fractional part",
                    value);
            return null;
        }
        if (value.isString()) {
            // pydantic's lax mode accepted numeric strings such as "45".
            String text = value.stringValue().strip();
            if (text.matches("[+-]?\\d{1,4000}")) {
                return new BigInteger(text);
            }
            error("int_parsing", loc, name, "Input should be a valid integer, unable to parse string as an integer",
                    value);
            return null;
        }
        error("int_type", loc, name, "Input should be a valid integer", value);
        return null;
    }

    /** @return the member, or {@code null} when absent (recorded as "missing" when required) */
    private JsonNode member(JsonNode parent, List<Object> loc, String name, boolean required) {
        JsonNode value = parent.get(name);
        if (value == null || value.isMissingNode()) {
            if (required) {
                error("missing", loc, name, "Field required", parent);
            }
            return null;
        }
        return value;
    }

    private void error(String type, List<Object> loc, String name, String msg, Object input) {
        List<Object> at = new ArrayList<>(loc);
        at.add(name);
        errors.add(FieldError.of(type, at, msg, input));
    }
}
