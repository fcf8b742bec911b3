package io.bookingservice.domain.booking;

import static io.bookingservice.domain.testing.BookingBuilder.aBooking;
import static io.bookingservice.domain.testing.BookingBuilder.aLegacyBooking;

import io.bookingservice.domain.testing.BookingBuilder;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Ready-made users and bookings for the domain's own tests; bookings come from the
 * {@link BookingBuilder} the domain's test-jar publishes to every module.
 */
final class BookingExamples {

    static final Instant NOW = Instant.parse("2030-06-01T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Instant TEN_AM = Instant.parse("2030-07-01T10:00:00Z");
    static final Address ADDRESS = new Address("1 Main Street", "Springfield", null, "United States");

    static final User ADMIN = user(1, "admin", Role.ADMIN);
    static final User ALICE = user(2, "alice", Role.REQUESTER);
    static final User BOB = user(3, "bob", Role.REQUESTER);

    /** No overlapping accepted bookings at all. */
    static final AcceptedBookings NONE_ACCEPTED = slot -> List.of();

    private BookingExamples() {
    }

    static User user(long id, String name, Role role) {
        return new User(new UserId(id), new Username(name), new PasswordHash("hash$" + name), false, role, null);
    }

    static Booking booking(long id, BookingStatus status, User owner) {
        return booking(id, status, owner, TEN_AM, 60);
    }

    static Booking booking(long id, BookingStatus status, User owner, Instant eventTime, int minutes) {
        return aBooking().withId(id).at(eventTime).withAddress(ADDRESS).lasting(minutes)
                .withStatus(status).ownedBy(owner == null ? null : owner.id()).createdAt(NOW.minusSeconds(3600))
                .withVersion(3).build();
    }

    /** An accepted booking as any adapter returns it, also legacy ones (no owner, no creation time). */
    static Booking acceptedLegacy(long id, Instant eventTime, int minutes) {
        return aLegacyBooking().withId(id).at(eventTime).withAddress(ADDRESS).lasting(minutes)
                .requestedBy("old@example.com").withStatus(BookingStatus.ACCEPTED).build();
    }

    /** Answers like a repository holding exactly {@code accepted}. */
    static AcceptedBookings holding(Booking... accepted) {
        return slot -> List.of(accepted).stream()
                .filter(b -> b.status() == BookingStatus.ACCEPTED)
                .filter(b -> b.slot().map(slot::overlaps).orElse(false))
                .toList();
    }
}
