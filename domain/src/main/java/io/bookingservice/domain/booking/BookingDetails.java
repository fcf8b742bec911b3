package io.bookingservice.domain.booking;

import io.bookingservice.domain.Validation;
import io.bookingservice.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * What a requester asks for, validated as new input. Build it with {@link #of}, which
 * reports every invalid field at once.
 *
 * @param eventTime may be absent, as the Python service allowed; such a request cannot be
 *                  accepted until an event time is set
 */
public record BookingDetails(Instant eventTime, Address address, int durationMinutes, String topic,
                             EmailAddress requestedBy) {

    public BookingDetails {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }

    /**
     * @param address  the address as given; see {@link Address#of}
     * @param duration {@code null} when missing
     */
    public static BookingDetails of(Instant eventTime, AddressInput address, Integer duration, String topic,
                                    String requestedBy, Clock clock) {
        Validation validation = new Validation();
        Instant when = validation.attempt("eventTime", () -> EventTime.check(eventTime, clock));
        Address where = address == null
                ? missing(validation, "address")
                : validation.attempt("address", () -> Address.of(address.street(), address.city(),
                        address.state(), address.country()));
        Integer minutes = duration == null
                ? missing(validation, "durationMinutes")
                : validation.attempt("durationMinutes", () -> DurationMinutes.check(duration));
        String cleanTopic = topic == null
                ? missing(validation, "topic")
                : validation.attempt("topic", () -> Topic.clean(topic));
        EmailAddress contact = requestedBy == null
                ? missing(validation, "requestedBy")
                : validation.attempt("requestedBy", () -> new EmailAddress(requestedBy));
        validation.throwIfInvalid();
        return new BookingDetails(when, where, minutes, cleanTopic, contact);
    }

    /** The request as a new booking stores it. */
    public Booking.Request toRequest() {
        return new Booking.Request(eventTime, address, durationMinutes, topic, requestedBy.value());
    }

    private static <T> T missing(Validation validation, String field) {
        validation.add(Violation.required(field));
        return null;
    }

    /** An address as typed, before validation and country normalisation. */
    public record AddressInput(String street, String city, String state, String country) {
    }
}
