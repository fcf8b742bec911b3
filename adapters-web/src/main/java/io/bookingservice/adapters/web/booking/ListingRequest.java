package io.bookingservice.adapters.web.booking;

import io.bookingservice.adapters.web.error.FieldError;
import io.bookingservice.adapters.web.error.RequestValidationException;
import io.bookingservice.adapters.web.error.ViolationErrors;
import io.bookingservice.adapters.web.json.DateTimes;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query of {@code GET /booking/}, checked as FastAPI checked query parameters: every bad
 * parameter is reported in one 422.
 */
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
                // The use cases' own rule, worded by the web adapter alongside the other parameters.
                BookingQuery.limitViolation(pageSize)
                        .ifPresent(v -> errors.addAll(ViolationErrors.ofQuery(List.of(v), "limit", limit)));
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
