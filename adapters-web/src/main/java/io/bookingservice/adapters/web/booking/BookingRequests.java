package io.bookingservice.adapters.web.booking;

import static io.bookingservice.adapters.web.json.JsonInput.loc;

import io.bookingservice.adapters.web.error.FieldError;
import io.bookingservice.adapters.web.error.RequestValidationException;
import io.bookingservice.adapters.web.json.JsonInput;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.port.in.RescheduleBookingCommand;
import io.bookingservice.application.port.in.SubmitBookingCommand;
import io.bookingservice.domain.booking.BookingDetails.AddressInput;
import io.bookingservice.domain.booking.BookingId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads booking request bodies and path ids into commands and ids, reporting type errors as pydantic did. */
final class BookingRequests {

    private static final List<Object> BODY = loc("body");
    private static final List<Object> ADDRESS = loc("body", "address");

    private BookingRequests() {
    }

    /** {@code event_time} may be absent or null (the Python model allowed it); the rest is required. */
    static SubmitBookingCommand submission(JsonNode body) {
        JsonInput in = new JsonInput();
        JsonNode object = JsonInput.requireObject(body);
        Instant eventTime = in.dateTime(object, BODY, "event_time", false);
        JsonNode address = in.object(object, BODY, "address", true, "Address");
        AddressInput where = address == null ? null : address(in, address);
        String topic = in.text(object, BODY, "topic", true);
        Integer duration = in.integer(object, BODY, "duration_minutes", true);
        String requestedBy = in.text(object, BODY, "requested_by", true);
        in.throwIfInvalid();
        return new SubmitBookingCommand(eventTime, where, duration, topic, requestedBy);
    }

    /** Every field optional; {@code address}, when given, is a whole address. */
    static RescheduleBookingCommand changes(JsonNode body) {
        JsonInput in = new JsonInput();
        JsonNode object = JsonInput.requireObject(body);
        Instant eventTime = in.dateTime(object, BODY, "event_time", false);
        JsonNode address = in.object(object, BODY, "address", false, "Address");
        AddressInput where = address == null ? null : address(in, address);
        String topic = in.text(object, BODY, "topic", false);
        Integer duration = in.integer(object, BODY, "duration_minutes", false);
        in.throwIfInvalid();
        return new RescheduleBookingCommand(eventTime, where, duration, topic);
    }

    /** {@code {"id": n}} of the legacy decision routes. */
    static long decisionId(JsonNode body) {
        JsonInput in = new JsonInput();
        Long id = in.longInteger(JsonInput.requireObject(body), BODY, "id", true);
        in.throwIfInvalid();
        return id;
    }

    /** The legacy routes' body id; FastAPI had no bound on it, so 0 or less is simply not found. */
    static BookingId bodyId(JsonNode body) {
        long id = decisionId(body);
        if (id <= 0) {
            throw NotFoundException.booking(id);
        }
        return new BookingId(id);
    }

    /** The path id, constrained {@code gt=0} as the Python route declared it. */
    static BookingId pathId(String raw) {
        long id;
        try {
            id = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new RequestValidationException(FieldError.of("int_parsing", List.of("path", "id"),
                    "Input should be a valid integer, unable to parse string as an integer", raw));
        }
        if (id <= 0) {
            throw new RequestValidationException(new FieldError("greater_than", List.of("path", "id"),
                    "Input should be greater than 0", raw, Map.of("gt", 0)));
        }
        return new BookingId(id);
    }

    private static AddressInput address(JsonInput in, JsonNode address) {
        return new AddressInput(
                in.text(address, ADDRESS, "street", true),
                in.text(address, ADDRESS, "city", true),
                in.text(address, ADDRESS, "state", false),
                in.text(address, ADDRESS, "country", true));
    }
}
