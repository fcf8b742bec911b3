package io.bookingservice.application.port.in;

import io.bookingservice.domain.booking.BookingDetails.AddressInput;
import java.time.Instant;

/** Changes to a booking request; {@code null} fields stay as they are. */
public record RescheduleBookingCommand(Instant eventTime, AddressInput address, Integer durationMinutes,
                                       String topic) {
}
