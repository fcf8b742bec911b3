package io.bookingservice.adapters.web.booking;

import static io.bookingservice.adapters.web.json.JsonInput.loc;

import io.bookingservice.adapters.web.json.JsonInput;
import io.bookingservice.application.port.in.RescheduleBookingCommand;
import io.bookingservice.application.port.in.SubmitBookingCommand;
import io.bookingservice.domain.booking.BookingDetails.AddressInput;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads booking request bodies into commands, reporting type errors as pydantic did. */
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

    private static AddressInput address(JsonInput in, JsonNode address) {
        return new AddressInput(
                in.text(address, ADDRESS, "street", true),
                in.text(address, ADDRESS, "city", true),
                in.text(address, ADDRESS, "state", false),
                in.text(address, ADDRESS, "country", true));
    }
}
