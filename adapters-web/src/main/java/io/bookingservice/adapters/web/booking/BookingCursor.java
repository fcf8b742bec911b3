package io.bookingservice.adapters.web.booking;

import io.bookingservice.adapters.web.error.FieldError;
import io.bookingservice.adapters.web.error.RequestValidationException;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.domain.booking.BookingId;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code cursor} of a paged listing: the last id seen ({@code v1:}), or for the
 * event-time order the last {@code (event_time, id)} seen ({@code e1:}), versioned and
 * base64url-encoded so that clients treat it as a token and the encoding can change without
 * breaking them. A cursor of one order is refused by the other.
 */
final class BookingCursor {

    private static final String PREFIX = "v1:";
    private static final String EVENT_TIME_PREFIX = "e1:";
    /** Stands for a booking without an event time (those come last). */
    private static final String NO_TIME = "-";

    private BookingCursor() {
    }

    static String encode(BookingId after) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + after.value()).getBytes(StandardCharsets.UTF_8));
    }

    static String encode(EventTimeKey after) {
        String time = after.eventTime() == null ? NO_TIME
                : after.eventTime().getEpochSecond() + "." + after.eventTime().getNano();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((EVENT_TIME_PREFIX + time + ":" + after.id().value()).getBytes(StandardCharsets.UTF_8));
    }

    static EventTimeKey decodeEventTime(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(EVENT_TIME_PREFIX)) {
                String[] parts = text.substring(EVENT_TIME_PREFIX.length()).split(":", -1);
                long id = parts.length == 2 ? Long.parseLong(parts[1]) : 0;
                if (id > 0) {
                    return new EventTimeKey(instant(parts[0]), new BookingId(id));
                }
            }
        } catch (IllegalArgumentException | DateTimeException malformed) {
            // As in decode: not a cursor we issued, reported below.
        }
        throw notOurs(cursor);
    }

    private static Instant instant(String text) {
        if (text.equals(NO_TIME)) {
            return null;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not seconds.nanos");
        }
        return Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
    }

    static BookingId decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id > 0) {
                    return new BookingId(id);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // NumberFormatException is one too; both mean "not a cursor we issued", reported below.
        }
        throw notOurs(cursor);
    }

    private static RequestValidationException notOurs(String cursor) {
        return new RequestValidationException(FieldError.of("value_error", List.of("query", "cursor"),
                "Value error, not a cursor returned by this service", cursor));
    }
}
