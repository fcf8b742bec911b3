package io.bookingservice.application.port.in;

import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.user.User;
import java.util.List;

/** What an admin weighs before accepting: the accepted bookings a booking's slot overlaps. */
public interface FindOverlapsUseCase {

    /**
     * The accepted bookings other than {@code id} whose slots overlap its slot, ascending id;
     * empty when it has no event time.
     *
     * @throws io.bookingservice.domain.PermissionDeniedException for anyone but an admin
     * @throws io.bookingservice.application.error.NotFoundException when it does not exist
     */
    List<Booking> overlapping(BookingId id, User admin);
}
