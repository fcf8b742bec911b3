package io.bookingservice.adapters.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One entry of FastAPI's 422 {@code detail} list, as the Python service's clients parse it.
 *
 * @param loc   where: {@code ["body", "address", "country"]}, {@code ["path", "id"]}, {@code ["query", "limit"]}
 * @param input the offending value as received, when known
 * @param ctx   pydantic's context (e.g. {@code {"gt": 0}}), when there is one
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record FieldError(String type, List<Object> loc, String msg, Object input, Map<String, Object> ctx) {

    public FieldError {
        loc = List.copyOf(loc);
    }

    public static FieldError of(String type, List<Object> loc, String msg, Object input) {
        return new FieldError(type, loc, msg, input, null);
    }
}
