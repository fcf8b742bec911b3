package io.bookingservice.adapters.web.booking;

import io.bookingservice.adapters.web.json.DateTimes;
import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;

/**
 * A booking as the Python service's clients read it (snake_case by the mapper's naming
 * strategy). Times are RFC 3339 UTC strings; {@code created_at} is {@code null} on legacy rows.
 */
record BookingJson(long id, String eventTime, AddressJson address, String topic, int durationMinutes,
                   String requestedBy, String status, String createdAt) {

    static BookingJson from(Booking booking) {
        return new BookingJson(booking.id().value(), DateTimes.format(booking.eventTime()),
                AddressJson.from(booking.address()), booking.topic(), booking.durationMinutes(),
                booking.requestedBy(), booking.status().code(), DateTimes.format(booking.createdAt()));
    }

    record AddressJson(String street, String city, String state, String country) {

        static AddressJson from(Address address) {
            return new AddressJson(address.street(), address.city(), address.state(), address.country());
        }
    }
}
