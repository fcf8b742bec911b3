package io.bookingservice.application.port.in;

import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.application.model.EventTimePage;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.user.User;
import java.util.List;
import java.util.function.Consumer;

/**
 * List bookings by event time, soonest first (those without one last, by id): admins all,
 * requesters only their own. The keyset is {@code (event_time, id)}, so pages stay stable
 * while bookings are added or decided.
 */
public interface ListBookingsByEventTimeUseCase {

    /**
     * @param after {@code null} for the first page
     * @param limit 1 to {@value BookingQuery#MAX_LIMIT}, else a {@link io.bookingservice.domain.ValidationException}
     */
    EventTimePage listByEventTime(BookingQuery query, EventTimeKey after, int limit, User reader);

    /** Every matching booking in event-time order, in consecutive batches of short queries. */
    void forEachBatchByEventTime(BookingQuery query, int batchSize, User reader, Consumer<List<Booking>> batches);
}
