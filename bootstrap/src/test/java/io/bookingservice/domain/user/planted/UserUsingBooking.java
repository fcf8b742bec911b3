package io.bookingservice.domain.user.planted;

import io.bookingservice.domain.booking.planted.BookingUsingUser;

/** Planted violation: domain.user pointing back at domain.booking. */
public class UserUsingBooking {
    BookingUsingUser booking;
}
