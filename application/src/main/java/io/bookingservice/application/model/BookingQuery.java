package io.bookingservice.application.model;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.Violation;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which bookings to list. Listings are in ascending id order and paged by keyset
 * (the last id seen), so this filter is the same for every page.
 *
 * @param statuses empty = any status
 * @param from     inclusive lower bound of {@code event_time}, or {@code null}
 * @param to       exclusive upper bound of {@code event_time}, or {@code null}
 * @param owner    only bookings submitted by this user, or {@code null} for all
 */
public record BookingQuery(Set<BookingStatus> statuses, Instant from, Instant to, UserId owner) {

    /** The largest page a client may ask for. */
    public static final int MAX_LIMIT = 1000;

    /**
     * The one copy of the page-size rule: 1 to {@value #MAX_LIMIT}. The use cases refuse any other
     * limit with it; the web adapter asks it too, so that a bad {@code limit} is reported together
     * with the other bad query parameters.
     */
    public static Optional<Violation> limitViolation(int limit) {
        if (limit < 1) {
            return Optional.of(Violation.limit(Rule.BELOW_MINIMUM, 1));
        }
        if (limit > MAX_LIMIT) {
            return Optional.of(Violation.limit(Rule.ABOVE_MAXIMUM, MAX_LIMIT));
        }
        return Optional.empty();
    }

    public BookingQuery {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
    }

    public static BookingQuery all() {
        return new BookingQuery(Set.of(), null, null, null);
    }

    public BookingQuery ownedBy(UserId user) {
        return new BookingQuery(statuses, from, to, user);
    }

    /**
     * Whether {@code booking} passes this filter, for adapters that filter in Java (the SQL of
     * a database adapter says the same). As in SQL, a bound on the event time never matches a
     * booking without one.
     */
    public boolean matches(Booking booking) {
        Instant eventTime = booking.request().eventTime();
        return (statuses.isEmpty() || statuses.contains(booking.status()))
                && (owner == null || owner.equals(booking.audit().submittedBy()))
                && (from == null || (eventTime != null && !eventTime.isBefore(from)))
                && (to == null || (eventTime != null && eventTime.isBefore(to)));
    }
}
