package io.bookingservice.application.port.in;

import io.bookingservice.domain.booking.BookingDetails.AddressInput;
import java.time.Instant;

/**
 * A booking request as a client sent it, not yet validated ({@code null} = missing).
 * The service validates it through the domain, reporting every invalid field at once.
 */
public record SubmitBookingCommand(Instant eventTime, AddressInput address, Integer durationMinutes, String topic,
                                   String requestedBy) {
}
