package io.bookingservice.application.port.in;

import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.user.User;

/** Read one booking: admins any, requesters their own (others' are "not found" to them). */
public interface GetBookingUseCase {

    /** @throws io.bookingservice.application.error.NotFoundException when absent or not visible */
    Booking get(BookingId id, User reader);
}
