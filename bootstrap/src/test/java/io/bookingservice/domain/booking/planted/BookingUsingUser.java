package io.bookingservice.domain.booking.planted;

import io.bookingservice.domain.user.planted.UserUsingBooking;

/** The legitimate half of the booking ↔ user cycle: a booking may know its user. */
public class BookingUsingUser {
    UserUsingBooking user;
}
