package io.bookingservice.adapters.web.booking;

import io.bookingservice.domain.booking.Booking;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code GET /booking/}'s answer: one page with its {@code next_cursor}, or every
 * matching booking streamed batch by batch as the use case reads them, so memory stays flat.
 */
final class BookingListWriter {

    private final BookingViews views;
    private final JsonMapper json;

    BookingListWriter(BookingViews views, JsonMapper json) {
        this.views = views;
        this.json = json;
    }

    void writePage(HttpServletResponse response, List<Booking> bookings, String nextCursor) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bookings", views.of(bookings));
        body.put("next_cursor", nextCursor);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    void stream(HttpServletResponse response, Consumer<Consumer<List<Booking>>> listing) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        // The generator starts lazily: a failure before the first batch still leaves the
        // response untouched, so the error handler can answer with a proper problem.
        JsonGenerator[] generator = new JsonGenerator[1];
        listing.accept(batch -> {
            try {
                if (generator[0] == null) {
                    generator[0] = start(response);
                }
                for (BookingJson booking : views.of(batch)) {
                    generator[0].writePOJO(booking);
                }
                generator[0].flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        JsonGenerator gen = generator[0] == null ? start(response) : generator[0];
        gen.writeEndArray();
        gen.writeEndObject();
        gen.close();
    }

    private JsonGenerator start(HttpServletResponse response) throws IOException {
        JsonGenerator gen = json.createGenerator(response.getOutputStream());
        gen.writeStartObject();
        gen.writeName("bookings");
        gen.writeStartArray();
        return gen;
    }
}
