package io.bookingservice.adapters.web.booking;

import io.bookingservice.adapters.web.error.FieldError;
import io.bookingservice.adapters.web.error.RequestValidationException;
import io.bookingservice.domain.booking.BookingId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code cursor} of a paged listing: the last id seen, versioned and base64url-encoded
 * so that clients treat it as a token and the encoding can change without breaking them.
 */
final class BookingCursor {

    private static final String PREFIX = "v1:";

    private BookingCursor() {
    }

    static String encode(BookingId after) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + after.value()).getBytes(StandardCharsets.UTF_8));
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
        throw new RequestValidationException(FieldError.of("value_error", List.of("query", "cursor"),
                "Value error, not a cursor returned by this service", cursor));
    }
}
