package io.bookingservice.application.model;

import io.bookingservice.domain.booking.Booking;
import java.util.List;
import java.util.Optional;

/**
 * One page of a listing ordered by event time.
 *
 * @param next the key to continue after; empty when this is the last page
 */
public record EventTimePage(List<Booking> bookings, Optional<EventTimeKey> next) {

    public EventTimePage {
        bookings = List.copyOf(bookings);
    }
}
