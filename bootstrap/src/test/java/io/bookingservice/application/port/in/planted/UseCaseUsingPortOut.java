package io.bookingservice.application.port.in.planted;

import io.bookingservice.application.port.out.BookingRepository;

/** Planted violation: a use case exposing what the application needs. */
public interface UseCaseUsingPortOut {
    BookingRepository repository();
}
