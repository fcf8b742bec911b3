package io.bookingservice.application.port.out;

import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.TimeSlot;
import java.util.List;
import java.util.Optional;

/**
 * Stored bookings. Implementations translate storage errors into the application's and
 * the domain's exceptions; no driver or framework type crosses this port.
 */
public interface BookingRepository {

    /** Stores a new booking; returns it with its id and version 0. */
    Booking insert(Booking booking);

    Optional<Booking> findById(BookingId id);

    /**
     * Stores a changed booking if nobody changed it since it was read
     * ({@code booking.version()} is the version read); returns it at its new version.
     *
     * @throws io.bookingservice.application.error.ConcurrentUpdateException when the version is stale
     * @throws io.bookingservice.application.error.NotFoundException when it no longer exists
     * @throws io.bookingservice.domain.OverlapException when it is accepted and overlaps another
     *         accepted booking (guaranteed even under concurrent updates)
     */
    Booking update(Booking booking);

    /** Deletes a booking; returns it as it was, or empty when there was none. */
    Optional<Booking> delete(BookingId id);

    /**
     * A keyset page: bookings matching {@code query} with ids greater than {@code after}
     * ({@code null}: from the start), ascending by id, at most {@code limit} rows.
     */
    List<Booking> list(BookingQuery query, BookingId after, int limit);

    /**
     * A keyset page by event time: bookings matching {@code query} that come after {@code after}
     * ({@code null}: from the start) in {@code (event_time, id)} order, bookings without an
     * event time last by id, at most {@code limit} rows.
     */
    List<Booking> listByEventTime(BookingQuery query, EventTimeKey after, int limit);

    /** Every accepted booking whose slot overlaps {@code slot}, grandfathered legacy ones included. */
    List<Booking> findAcceptedOverlapping(TimeSlot slot);
}
