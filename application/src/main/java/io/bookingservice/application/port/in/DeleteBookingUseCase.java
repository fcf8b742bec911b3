package io.bookingservice.application.port.in;

import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.user.User;

/** Delete a booking for good (admins only), as the Python service allowed. */
public interface DeleteBookingUseCase {

    /** @return the booking as it was before deletion */
    Booking delete(BookingId id, User admin);
}
