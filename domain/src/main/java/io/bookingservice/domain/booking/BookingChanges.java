package io.bookingservice.domain.booking;

import io.bookingservice.domain.Validation;
import java.time.Clock;
import java.time.Instant;

/**
 * A correction of a request: every field is optional ({@code null} = keep), and every
 * given field is validated as new input. Build it with {@link #of}.
 */
public record BookingChanges(Instant eventTime, Address address, Integer durationMinutes, String topic) {

    public static BookingChanges of(Instant eventTime, BookingDetails.AddressInput address, Integer duration,
                                    String topic, Clock clock) {
        Validation validation = new Validation();
        Instant when = eventTime == null ? null : validation.attempt("eventTime", () -> EventTime.check(eventTime, clock));
        Address where = address == null ? null : validation.attempt("address", () -> Address.of(address.street(),
                address.city(), address.state(), address.country()));
        Integer minutes = duration == null ? null
                : validation.attempt("durationMinutes", () -> DurationMinutes.check(duration));
        String cleanTopic = topic == null ? null : validation.attempt("topic", () -> Topic.clean(topic));
        validation.throwIfInvalid();
        return new BookingChanges(when, where, minutes, cleanTopic);
    }

    /** {@code request} with the given fields replaced and the others kept. */
    public Booking.Request applyTo(Booking.Request request) {
        return new Booking.Request(
                eventTime != null ? eventTime : request.eventTime(),
                address != null ? address : request.address(),
                durationMinutes != null ? durationMinutes : request.durationMinutes(),
                topic != null ? topic : request.topic(),
                request.requestedBy());
    }

    public boolean isEmpty() {
        return eventTime == null && address == null && durationMinutes == null && topic == null;
    }
}
