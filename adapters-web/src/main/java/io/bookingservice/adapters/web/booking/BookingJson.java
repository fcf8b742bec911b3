package io.bookingservice.adapters.web.booking;

import io.bookingservice.adapters.web.json.DateTimes;
import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.util.Map;

/**
 * A booking as the Python service's clients read it (snake_case by the mapper's naming
 * strategy). Times are RFC 3339 UTC strings; {@code created_at} is {@code null} on legacy rows.
 *
 * <p>The members after {@code created_at} are this service's additions (the Python service's
 * clients ignore them): who submitted the booking and who decided on it, by username, when it
 * was decided and when it last changed; each {@code null} where unknown (legacy rows) or not
 * yet the case.
 */
record BookingJson(long id, String eventTime, AddressJson address, String topic, int durationMinutes,
                   String requestedBy, String status, String createdAt,
                   String submittedBy, String decidedBy, String decidedAt, String updatedAt) {

    /** @param usernames the names of the booking's submitter and decider (see {@code BookingViews}) */
    static BookingJson from(Booking booking, Map<UserId, Username> usernames) {
        Booking.Request request = booking.request();
        Booking.Decision decision = booking.decision();
        Booking.Audit audit = booking.audit();
        return new BookingJson(booking.id().value(), DateTimes.format(request.eventTime()),
                AddressJson.from(request.address()), request.topic(), request.durationMinutes(),
                request.requestedBy(), decision.status().code(), DateTimes.format(audit.createdAt()),
                name(audit.submittedBy(), usernames), name(decision.decidedBy(), usernames),
                DateTimes.format(decision.decidedAt()), DateTimes.format(audit.updatedAt()));
    }

    private static String name(UserId id, Map<UserId, Username> usernames) {
        if (id == null) {
            return null;
        }
        Username username = usernames.get(id);
        return username == null ? null : username.value();
    }

    record AddressJson(String street, String city, String state, String country) {

        static AddressJson from(Address address) {
            return new AddressJson(address.street(), address.city(), address.state(), address.country());
        }
    }
}
