package io.bookingservice.application.port.in;

import io.bookingservice.domain.booking.BookingChanges;
import io.bookingservice.domain.booking.BookingDetails.AddressInput;
import java.time.Clock;
import java.time.Instant;

/** Changes to a booking request; {@code null} fields stay as they are. */
public record RescheduleBookingCommand(Instant eventTime, AddressInput address, Integer durationMinutes,
                                       String topic) {

    /**
     * The changes validated as new input, every invalid field reported at once. The one place
     * that hands the command's fields to the domain, so a new field is passed on here.
     */
    public BookingChanges changes(Clock clock) {
        return BookingChanges.of(eventTime, address, durationMinutes, topic, clock);
    }
}
