package io.bookingservice.domain.booking;

import java.util.List;

/**
 * The accepted bookings the no-double-booking rule is checked against, every one of them
 * (legacy, grandfathered ones included). Supplied by the application from its repository.
 */
@FunctionalInterface
public interface AcceptedBookings {

    /** The accepted bookings whose slot overlaps {@code slot}. */
    List<Booking> overlapping(TimeSlot slot);
}
