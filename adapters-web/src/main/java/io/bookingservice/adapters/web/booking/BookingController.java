package io.bookingservice.adapters.web.booking;

import io.bookingservice.adapters.web.error.FieldError;
import io.bookingservice.adapters.web.error.RequestValidationException;
import io.bookingservice.adapters.web.error.ViolationErrors;
import io.bookingservice.adapters.web.json.DateTimes;
import io.bookingservice.adapters.web.metrics.ApiMetrics;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.model.BookingPage;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.application.model.EventTimePage;
import io.bookingservice.application.model.IdempotencyRequest;
import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.port.in.DecideOnBookingUseCase;
import io.bookingservice.application.port.in.DeleteBookingUseCase;
import io.bookingservice.application.port.in.FindOverlapsUseCase;
import io.bookingservice.application.port.in.GetBookingUseCase;
import io.bookingservice.application.port.in.ListBookingsByEventTimeUseCase;
import io.bookingservice.application.port.in.ListBookingsUseCase;
import io.bookingservice.application.port.in.RescheduleBookingUseCase;
import io.bookingservice.application.port.in.SubmitBookingCommand;
import io.bookingservice.application.port.in.SubmitBookingUseCase;
import io.bookingservice.application.port.in.UsernamesUseCase;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.User;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import io.bookingservice.adapters.web.WebApiConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking routes of the Python service plus their successors. Paths carry no trailing
 * slash: the trailing-slash filter strips it before anything matches. Who may do what is the
 * use cases' decision; this class only maps HTTP to commands and bookings to JSON.
 */
@RestController
class BookingController {

    /** Rows per query when a whole listing is streamed: short queries, flat memory. */
    static final int STREAM_BATCH_SIZE = 500;

    private final SubmitBookingUseCase submit;
    private final GetBookingUseCase get;
    private final ListBookingsUseCase list;
    private final DecideOnBookingUseCase decide;
    private final RescheduleBookingUseCase reschedule;
    private final DeleteBookingUseCase delete;
    private final ListBookingsByEventTimeUseCase listByEventTime;
    private final FindOverlapsUseCase overlaps;
    private final BookingViews views;
    private final JsonMapper json;
    private final IdempotencyFingerprint fingerprint;
    private final ApiMetrics metrics;

    BookingController(SubmitBookingUseCase submit, GetBookingUseCase get, ListBookingsUseCase list,
                      DecideOnBookingUseCase decide, RescheduleBookingUseCase reschedule, DeleteBookingUseCase delete,
                      ListBookingsByEventTimeUseCase listByEventTime, FindOverlapsUseCase overlaps,
                      UsernamesUseCase usernames,
                      @Qualifier(WebApiConfiguration.JSON_MAPPER) JsonMapper webJsonMapper, ApiMetrics metrics) {
        this.submit = submit;
        this.get = get;
        this.list = list;
        this.decide = decide;
        this.reschedule = reschedule;
        this.delete = delete;
        this.listByEventTime = listByEventTime;
        this.overlaps = overlaps;
        this.views = new BookingViews(usernames);
        this.json = webJsonMapper;
        this.fingerprint = new IdempotencyFingerprint(webJsonMapper);
        this.metrics = metrics;
    }

    @PostMapping(path = "/booking", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(@RequestBody(required = false) JsonNode body,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                             @AuthenticationPrincipal User user) {
        SubmitBookingCommand command = BookingRequests.submission(body);
        if (idempotencyKey == null) {
            Booking booking = validated(body, () -> submit.submit(command, user));
            return ResponseEntity.created(location(booking.id().value())).body(views.of(booking));
        }
        IdempotencyRequest request = headerValidated(() -> new IdempotencyRequest(idempotencyKey, fingerprint.of(body)));
        StoredResponse stored = validated(body, () -> submit.submitOnce(command, user, request,
                booking -> new StoredResponse(HttpStatus.CREATED.value(), json.writeValueAsString(views.of(booking)))));
        long id = json.readTree(stored.body()).get("id").longValue();
        // The stored body is replayed byte for byte, so it is sent as a string of JSON.
        return ResponseEntity.status(stored.status()).location(location(id))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(stored.body());
    }

    /**
     * Without {@code limit}: every matching booking, written out batch by batch as the use case
     * reads them, so memory stays flat however many there are. With {@code limit}: one page and
     * its {@code next_cursor}. {@code order=event_time} lists soonest first (bookings without an
     * event time last), paged by {@code (event_time, id)}; the default is ascending id.
     */
    @GetMapping("/booking")
    void list(@RequestParam(name = "status", required = false) List<String> statuses,
              @RequestParam(name = "from", required = false) String from,
              @RequestParam(name = "to", required = false) String to,
              @RequestParam(name = "limit", required = false) String limit,
              @RequestParam(name = "cursor", required = false) String cursor,
              @RequestParam(name = "order", required = false) String order,
              @AuthenticationPrincipal User user, HttpServletResponse response) throws IOException {
        ListingRequest listing = ListingRequest.of(statuses, from, to, limit, cursor, order);
        if (listing.byEventTime()) {
            if (listing.limit() != null) {
                EventTimePage page = listByEventTime.listByEventTime(listing.query(), listing.afterTime(),
                        listing.limit(), user);
                writePage(response, page.bookings(), page.next().map(BookingCursor::encode).orElse(null));
                return;
            }
            stream(response, batches -> listByEventTime.forEachBatchByEventTime(listing.query(), STREAM_BATCH_SIZE,
                    user, batches));
            return;
        }
        if (listing.limit() != null) {
            BookingPage page = list.list(listing.query(), listing.after(), listing.limit(), user);
            writePage(response, page.bookings(), page.next().map(BookingCursor::encode).orElse(null));
            return;
        }
        stream(response, batches -> list.forEachBatch(listing.query(), STREAM_BATCH_SIZE, user, batches));
    }

    /** The accepted bookings that a booking's slot overlaps (admins): what accepting it would run into. */
    @GetMapping("/booking/{id}/overlaps")
    Map<String, List<BookingJson>> overlaps(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return Map.of("bookings", views.of(overlaps.overlapping(pathId(id), user)));
    }

    private void writePage(HttpServletResponse response, List<Booking> bookings, String nextCursor) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bookings", views.of(bookings));
        body.put("next_cursor", nextCursor);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    @GetMapping("/booking/{id}")
    BookingJson read(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return views.of(get.get(pathId(id), user));
    }

    @PostMapping(path = "/booking/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    BookingJson acceptLegacy(@RequestBody(required = false) JsonNode body, @AuthenticationPrincipal User user) {
        return decided("accept", decide.accept(bodyId(body), user));
    }

    @PostMapping(path = "/booking/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    BookingJson rejectLegacy(@RequestBody(required = false) JsonNode body, @AuthenticationPrincipal User user) {
        return decided("reject", decide.reject(bodyId(body), user));
    }

    @PostMapping("/booking/{id}/accept")
    BookingJson accept(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return decided("accept", decide.accept(pathId(id), user));
    }

    @PostMapping("/booking/{id}/reject")
    BookingJson reject(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return decided("reject", decide.reject(pathId(id), user));
    }

    @PostMapping("/booking/{id}/cancel")
    BookingJson cancel(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return decided("cancel", decide.cancel(pathId(id), user));
    }

    @PatchMapping(path = "/booking/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    BookingJson change(@PathVariable("id") String id, @RequestBody(required = false) JsonNode body,
                       @AuthenticationPrincipal User user) {
        BookingId bookingId = pathId(id);
        var command = BookingRequests.changes(body);
        return views.of(validated(body, () -> reschedule.reschedule(bookingId, command, user)));
    }

    @DeleteMapping("/booking/{id}")
    BookingJson delete(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return views.of(delete.delete(pathId(id), user));
    }

    private BookingJson decided(String decision, Booking booking) {
        metrics.decision(decision);
        return views.of(booking);
    }

    private void stream(HttpServletResponse response, Consumer<Consumer<List<Booking>>> listing) throws IOException {
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

    private static URI location(long id) {
        return URI.create("/booking/" + id);
    }

    /** The legacy routes' body id; FastAPI had no bound on it, so 0 or less is simply not found. */
    private static BookingId bodyId(JsonNode body) {
        long id = BookingRequests.decisionId(body);
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

    /** Domain validation failures of a body, reported at their place in the body with the value sent. */
    private static <T> T validated(JsonNode body, Supplier<T> work) {
        try {
            return work.get();
        } catch (ValidationException e) {
            throw new RequestValidationException(ViolationErrors.of(e.violations(), List.of("body"), body));
        }
    }

    private static <T> T headerValidated(Supplier<T> work) {
        try {
            return work.get();
        } catch (ValidationException e) {
            throw new RequestValidationException(ViolationErrors.ofHeader(e.violations(), "idempotency-key"));
        }
    }

    /** The query of {@code GET /booking/}, checked as FastAPI checked query parameters. */
    record ListingRequest(BookingQuery query, Integer limit, BookingId after, boolean byEventTime,
                          EventTimeKey afterTime) {

        static ListingRequest of(List<String> statuses, String from, String to, String limit, String cursor,
                                 String order) {
            List<FieldError> errors = new ArrayList<>();
            boolean byEventTime = "event_time".equals(order);
            if (order != null && !byEventTime && !"id".equals(order)) {
                errors.add(new FieldError("enum", List.of("query", "order"), "Input should be 'id' or 'event_time'",
                        order, Map.of("expected", "'id' or 'event_time'")));
            }
            Set<BookingStatus> wanted = EnumSet.noneOf(BookingStatus.class);
            if (statuses != null) {
                for (int i = 0; i < statuses.size(); i++) {
                    try {
                        wanted.add(BookingStatus.fromCode(statuses.get(i)));
                    } catch (ValidationException e) {
                        errors.add(new FieldError("enum", List.of("query", "status", i),
                                "Input should be 'pending', 'accepted', 'rejected' or 'cancelled'", statuses.get(i),
                                Map.of("expected", "'pending', 'accepted', 'rejected' or 'cancelled'")));
                    }
                }
            }
            Instant fromTime = time(from, "from", errors);
            Instant toTime = time(to, "to", errors);
            Integer pageSize = null;
            if (limit != null) {
                try {
                    pageSize = Integer.parseInt(limit.strip());
                    if (pageSize < 1 || pageSize > BookingQuery.MAX_LIMIT) {
                        boolean low = pageSize < 1;
                        errors.add(new FieldError(low ? "greater_than_equal" : "less_than_equal",
                                List.of("query", "limit"),
                                low ? "Input should be greater than or equal to 1"
                                        : "Input should be less than or equal to " + BookingQuery.MAX_LIMIT,
                                limit, Map.of(low ? "ge" : "le", low ? 1 : BookingQuery.MAX_LIMIT)));
                    }
                } catch (NumberFormatException e) {
                    errors.add(FieldError.of("int_parsing", List.of("query", "limit"),
                            "Input should be a valid integer, unable to parse string as an integer", limit));
                }
            }
            BookingId after = null;
            EventTimeKey afterTime = null;
            // "cursor=" (empty) is how some clients say "from the start".
            if (cursor != null && !cursor.isBlank()) {
                try {
                    if (byEventTime) {
                        afterTime = BookingCursor.decodeEventTime(cursor);
                    } else {
                        after = BookingCursor.decode(cursor);
                    }
                } catch (RequestValidationException e) {
                    errors.addAll(e.errors());
                }
            }
            if (!errors.isEmpty()) {
                throw new RequestValidationException(errors);
            }
            boolean resumed = after != null || afterTime != null;
            return new ListingRequest(new BookingQuery(wanted, fromTime, toTime, null),
                    resumed && pageSize == null ? Integer.valueOf(BookingQuery.MAX_LIMIT) : pageSize, after,
                    byEventTime, afterTime);
        }

        private static Instant time(String text, String name, List<FieldError> errors) {
            if (text == null) {
                return null;
            }
            Instant parsed = DateTimes.parse(text);
            if (parsed == null) {
                errors.add(DateTimes.refusal(List.of("query", name), text));
            }
            return parsed;
        }
    }
}
