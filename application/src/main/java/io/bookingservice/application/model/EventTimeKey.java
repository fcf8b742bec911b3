package io.bookingservice.application.model;

import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A position in a listing ordered by event time: bookings come by {@code (event_time, id)}
 * ascending, and those without an event time (legacy rows) last, by id.
 *
 * @param eventTime the event time of the last booking seen, {@code null} when it had none
 * @param id        the id of the last booking seen
 */
public record EventTimeKey(Instant eventTime, BookingId id) {

    /** The listing's order, as SQL's {@code ORDER BY event_time NULLS LAST, id}. */
    public static final Comparator<Booking> ORDER = Comparator
            .comparing((Booking booking) -> booking.request().eventTime(),
                    Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(booking -> booking.id().value());

    public EventTimeKey {
        Objects.requireNonNull(id, "id");
    }

    /** The key of {@code booking}'s place in the order. */
    public static EventTimeKey of(Booking booking) {
        return new EventTimeKey(booking.request().eventTime(), booking.id());
    }

    /** Whether {@code booking} comes after this key in {@link #ORDER}. */
    public boolean precedes(Booking booking) {
        Instant time = booking.request().eventTime();
        if (eventTime == null) {
            return time == null && booking.id().value() > id.value();
        }
        if (time == null) {
            return true;
        }
        int byTime = time.compareTo(eventTime);
        return byTime > 0 || (byTime == 0 && booking.id().value() > id.value());
    }
}
