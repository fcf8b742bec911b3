package io.bookingservice.application.service;

import static io.bookingservice.domain.testing.BookingBuilder.aBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimePage;
import io.bookingservice.application.testing.FakeBookingRepository;
import io.bookingservice.application.testing.FakeIdempotencyStore;
import io.bookingservice.application.testing.FakePasswordHasher;
import io.bookingservice.application.testing.FakeSessionRepository;
import io.bookingservice.application.testing.FakeUserRepository;
import io.bookingservice.application.testing.SerialTransactions;
import io.bookingservice.application.testing.TestClock;
import io.bookingservice.application.testing.Users;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The use cases the web console needed: overlaps, event-time order, usernames. */
class ConsoleUseCasesTest {

    private static final Instant TEN = Instant.parse("2030-07-01T10:00:00Z");

    private final TestClock clock = new TestClock(Instant.parse("2030-06-01T09:00:00Z"));
    private final FakeBookingRepository bookings = new FakeBookingRepository();
    private final SerialTransactions transactions = new SerialTransactions();
    private final BookingService service = new BookingService(bookings, new FakeIdempotencyStore(), transactions, clock);
    private final User admin = Users.admin();
    private final User alice = Users.requester("alice");

    @Test
    void overlapsAreTheAcceptedBookingsInTheSlotOtherThanItself() {
        Booking pending = bookings.insert(aBooking().ownedBy(alice).at(TEN).lasting(60).build());
        Booking accepted = bookings.insert(aBooking().at(TEN.plusSeconds(1800)).lasting(30)
                .withStatus(BookingStatus.ACCEPTED).build());
        bookings.insert(aBooking().at(TEN.plusSeconds(1800)).withStatus(BookingStatus.PENDING).build());
        bookings.insert(aBooking().at(TEN.plusSeconds(3600)).withStatus(BookingStatus.ACCEPTED).build());
        Booking untimed = bookings.insert(aBooking().withoutEventTime().build());

        assertThat(service.overlapping(pending.id(), admin)).containsExactly(accepted);
        assertThat(service.overlapping(accepted.id(), admin)).as("not itself").isEmpty();
        assertThat(service.overlapping(untimed.id(), admin)).isEmpty();
        assertThatThrownBy(() -> service.overlapping(pending.id(), alice)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.overlapping(new BookingId(999), admin)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void eventTimePagesCarryTheKeyOfTheirLastBookingAndRequestersSeeTheirOwn() {
        User bob = Users.requester("bob");
        Booking late = bookings.insert(aBooking().ownedBy(alice).at(TEN.plusSeconds(7200)).build());
        Booking early = bookings.insert(aBooking().ownedBy(alice).at(TEN).build());
        bookings.insert(aBooking().ownedBy(bob).at(TEN.plusSeconds(60)).build());
        Booking untimed = bookings.insert(aBooking().ownedBy(alice).withoutEventTime().build());

        EventTimePage first = service.listByEventTime(BookingQuery.all(), null, 2, alice);
        assertThat(first.bookings()).containsExactly(early, late);
        assertThat(first.next()).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo(late.id()));
        EventTimePage second = service.listByEventTime(BookingQuery.all(), first.next().orElseThrow(), 2, alice);
        assertThat(second.bookings()).containsExactly(untimed);
        assertThat(second.next()).isEmpty();

        List<Booking> streamed = new ArrayList<>();
        service.forEachBatchByEventTime(BookingQuery.all(), 1, admin, streamed::addAll);
        assertThat(streamed).hasSize(4).first().isEqualTo(early);
    }

    @Test
    void usernamesNameKnownAccountsAndSkipUnknownIds() {
        FakeUserRepository users = new FakeUserRepository();
        User stored = users.create(Users.newUser("carol", Role.REQUESTER));
        UserService userService = new UserService(users, new FakeSessionRepository(users), new FakePasswordHasher(),
                transactions, clock, true);

        assertThat(userService.usernames(Set.of(stored.id(), new UserId(4242))))
                .containsOnlyKeys(stored.id()).containsValue(new Username("carol"));
    }
}
