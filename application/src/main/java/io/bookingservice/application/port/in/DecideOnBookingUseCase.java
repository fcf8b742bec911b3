package io.bookingservice.application.port.in;

import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.user.User;

/**
 * Decisions on a booking. Accept and reject: admins. Cancel: admins and the owner.
 * Repeating the decision a booking already has is a no-op that returns it unchanged.
 *
 * <p>All throw {@link io.bookingservice.application.error.NotFoundException} when the booking
 * is absent or not visible to the actor, {@link io.bookingservice.domain.PermissionDeniedException}
 * for the wrong role, {@link io.bookingservice.domain.InvalidTransitionException} from the wrong
 * state, and accept throws {@link io.bookingservice.domain.OverlapException} when it would double-book.
 */
public interface DecideOnBookingUseCase {

    Booking accept(BookingId id, User admin);

    Booking reject(BookingId id, User admin);

    Booking cancel(BookingId id, User actor);
}
