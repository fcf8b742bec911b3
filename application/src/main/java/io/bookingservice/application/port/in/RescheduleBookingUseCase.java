package io.bookingservice.application.port.in;

import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.user.User;

/** Reschedule or correct a request: its owner while pending, an admin while pending or accepted. */
public interface RescheduleBookingUseCase {

    Booking reschedule(BookingId id, RescheduleBookingCommand command, User actor);
}
