package io.bookingservice.adapters.web.booking;

import io.bookingservice.adapters.web.error.RequestValidationException;
import io.bookingservice.adapters.web.error.ViolationErrors;
import io.bookingservice.adapters.web.metrics.ApiMetrics;
import io.bookingservice.application.model.BookingPage;
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
import io.bookingservice.domain.user.User;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking routes of the Python service plus their successors. Paths carry no trailing
 * slash: the trailing-slash filter strips it before anything matches. Who may do what is the
 * use cases' decision; this class only routes: {@link BookingRequests} and {@link ListingRequest}
 * read requests, {@link BookingViews} and {@link BookingListWriter} write answers.
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
    private final BookingListWriter lists;
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
        this.lists = new BookingListWriter(views, webJsonMapper);
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
                lists.writePage(response, page.bookings(), page.next().map(BookingCursor::encode).orElse(null));
                return;
            }
            lists.stream(response, batches -> listByEventTime.forEachBatchByEventTime(listing.query(), STREAM_BATCH_SIZE,
                    user, batches));
            return;
        }
        if (listing.limit() != null) {
            BookingPage page = list.list(listing.query(), listing.after(), listing.limit(), user);
            lists.writePage(response, page.bookings(), page.next().map(BookingCursor::encode).orElse(null));
            return;
        }
        lists.stream(response, batches -> list.forEachBatch(listing.query(), STREAM_BATCH_SIZE, user, batches));
    }

    /** The accepted bookings that a booking's slot overlaps (admins): what accepting it would run into. */
    @GetMapping("/booking/{id}/overlaps")
    Map<String, List<BookingJson>> overlaps(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return Map.of("bookings", views.of(overlaps.overlapping(BookingRequests.pathId(id), user)));
    }

    @GetMapping("/booking/{id}")
    BookingJson read(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return views.of(get.get(BookingRequests.pathId(id), user));
    }

    @PostMapping(path = "/booking/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    BookingJson acceptLegacy(@RequestBody(required = false) JsonNode body, @AuthenticationPrincipal User user) {
        return decided("accept", decide.accept(BookingRequests.bodyId(body), user));
    }

    @PostMapping(path = "/booking/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    BookingJson rejectLegacy(@RequestBody(required = false) JsonNode body, @AuthenticationPrincipal User user) {
        return decided("reject", decide.reject(BookingRequests.bodyId(body), user));
    }

    @PostMapping("/booking/{id}/accept")
    BookingJson accept(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return decided("accept", decide.accept(BookingRequests.pathId(id), user));
    }

    @PostMapping("/booking/{id}/reject")
    BookingJson reject(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return decided("reject", decide.reject(BookingRequests.pathId(id), user));
    }

    @PostMapping("/booking/{id}/cancel")
    BookingJson cancel(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return decided("cancel", decide.cancel(BookingRequests.pathId(id), user));
    }

    @PatchMapping(path = "/booking/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    BookingJson change(@PathVariable("id") String id, @RequestBody(required = false) JsonNode body,
                       @AuthenticationPrincipal User user) {
        BookingId bookingId = BookingRequests.pathId(id);
        var command = BookingRequests.changes(body);
        return views.of(validated(body, () -> reschedule.reschedule(bookingId, command, user)));
    }

    @DeleteMapping("/booking/{id}")
    BookingJson delete(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        return views.of(delete.delete(BookingRequests.pathId(id), user));
    }

    private BookingJson decided(String decision, Booking booking) {
        metrics.decision(decision);
        return views.of(booking);
    }

    private static URI location(long id) {
        return URI.create("/booking/" + id);
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
}
