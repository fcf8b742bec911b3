package io.bookingservice.application.model;

import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import java.util.List;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param next the cursor for the following page; empty when this is the last one
 */
public record BookingPage(List<Booking> bookings, Optional<BookingId> next) {

    public BookingPage {
        bookings = List.copyOf(bookings);
    }
}
