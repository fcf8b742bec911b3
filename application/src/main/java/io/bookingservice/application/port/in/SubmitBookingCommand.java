package io.bookingservice.application.port.in;

import io.bookingservice.domain.booking.BookingDetails;
import io.bookingservice.domain.booking.BookingDetails.AddressInput;
import java.time.Clock;
import java.time.Instant;

/**
 * A booking request as a client sent it, not yet validated ({@code null} = missing).
 * The service validates it through the domain, reporting every invalid field at once.
 */
public record SubmitBookingCommand(Instant eventTime, AddressInput address, Integer durationMinutes, String topic,
                                   String requestedBy) {

    /**
     * The request validated as new input, every invalid field reported at once. The one place
     * that hands the command's fields to the domain, so a new field is passed on here.
     */
    public BookingDetails details(Clock clock) {
        return BookingDetails.of(eventTime, address, durationMinutes, topic, requestedBy, clock);
    }
}
