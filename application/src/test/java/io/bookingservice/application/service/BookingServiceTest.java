package io.bookingservice.application.service;

import static io.bookingservice.domain.testing.BookingBuilder.aBooking;
import static io.bookingservice.domain.testing.BookingBuilder.aLegacyBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.model.BookingPage;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.port.in.RescheduleBookingCommand;
import io.bookingservice.application.port.in.SubmitBookingCommand;
import io.bookingservice.application.testing.FakeBookingRepository;
import io.bookingservice.application.testing.FakeIdempotencyStore;
import io.bookingservice.application.testing.SerialTransactions;
import io.bookingservice.application.testing.TestClock;
import io.bookingservice.application.testing.Users;
import io.bookingservice.domain.InvalidTransitionException;
import io.bookingservice.domain.OverlapException;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingDetails.AddressInput;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BookingServiceTest {

    static final Instant NOW = Instant.parse("2030-06-01T09:00:00Z");
    static final Instant TEN_AM = Instant.parse("2030-07-01T10:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final FakeBookingRepository bookings = new FakeBookingRepository();
    private final SerialTransactions transactions = new SerialTransactions();
    private final BookingService service =
            new BookingService(bookings, new FakeIdempotencyStore(), transactions, clock);

    private final User admin = Users.admin();
    private final User alice = Users.requester("alice");
    private final User bob = Users.requester("bob");

    static SubmitBookingCommand aRequest(Instant when) {
        return new SubmitBookingCommand(when, new AddressInput("1 Main Street", "Springfield", null, "USA"), 60,
                " Hexagons ", "alice@example.com");
    }

    private Booking stored(Booking booking) {
        return bookings.insert(booking);
    }

    private List<Long> ids(List<Booking> list) {
        return list.stream().map(b -> b.id().value()).toList();
    }

    @Test
    void aSubmittedBookingIsStoredPendingAndOwnedByItsSubmitter() {
        Booking booking = service.submit(aRequest(TEN_AM), alice);

        assertThat(booking.id()).isNotNull();
        assertThat(booking.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(booking.audit().submittedBy()).isEqualTo(alice.id());
        assertThat(booking.request().topic()).isEqualTo("Hexagons");
        assertThat(booking.request().address().country()).isEqualTo("United States");
        assertThat(booking.audit().createdAt()).isEqualTo(NOW);
        assertThat(bookings.findById(booking.id())).contains(booking);
    }

    @Test
    void anInvalidSubmissionStoresNothing() {
        SubmitBookingCommand past = aRequest(NOW.minus(Duration.ofHours(2)));

        assertThatThrownBy(() -> service.submit(past, alice)).isInstanceOf(ValidationException.class);
        assertThat(bookings.size()).isZero();
        assertThat(transactions.count()).as("validation happens before any transaction").isZero();
    }

    @Test
    void aRequesterSeesTheirOwnBooking() {
        Booking mine = stored(aBooking().ownedBy(alice).build());

        assertThat(service.get(mine.id(), alice)).isEqualTo(mine);
    }

    @Test
    void anotherRequestersBookingLooksNotFound() {
        Booking hers = stored(aBooking().ownedBy(alice).build());

        assertThatThrownBy(() -> service.get(hers.id(), bob))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Booking request with ID " + hers.id() + " not found.");
    }

    @Test
    void anAdminSeesEveryBookingLegacyOnesIncluded() {
        Booking legacy = stored(aLegacyBooking().build());

        assertThat(service.get(legacy.id(), admin)).isEqualTo(legacy);
        assertThatThrownBy(() -> service.get(legacy.id(), alice)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAbsentBookingIsNotFound() {
        assertThatThrownBy(() -> service.get(new BookingId(404), admin))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listingPagesThroughInAscendingIdOrder() {
        List<Booking> five = IntStream.range(0, 5).mapToObj(i -> stored(aBooking().ownedBy(alice).build())).toList();

        BookingPage first = service.list(BookingQuery.all(), null, 2, admin);
        BookingPage second = service.list(BookingQuery.all(), first.next().orElseThrow(), 2, admin);
        BookingPage last = service.list(BookingQuery.all(), second.next().orElseThrow(), 2, admin);

        assertThat(ids(first.bookings())).isEqualTo(ids(five.subList(0, 2)));
        assertThat(first.next()).contains(five.get(1).id());
        assertThat(ids(second.bookings())).isEqualTo(ids(five.subList(2, 4)));
        assertThat(ids(last.bookings())).isEqualTo(ids(five.subList(4, 5)));
        assertThat(last.next()).isEmpty();
    }

    @Test
    void aFullLastPageHasNoNextCursor() {
        IntStream.range(0, 4).forEach(i -> stored(aBooking().build()));

        BookingPage first = service.list(BookingQuery.all(), null, 2, admin);
        BookingPage second = service.list(BookingQuery.all(), first.next().orElseThrow(), 2, admin);

        assertThat(second.bookings()).hasSize(2);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void aLimitOutsideOneToAThousandIsRefused() {
        for (int limit : new int[] {0, -1, 1001}) {
            assertThatThrownBy(() -> service.list(BookingQuery.all(), null, limit, admin))
                    .as("limit %d", limit)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("limit"));
        }
        assertThat(service.list(BookingQuery.all(), null, 1000, admin).bookings()).isEmpty();
        assertThat(service.list(BookingQuery.all(), null, 1, admin).bookings()).isEmpty();
    }

    @Test
    void aRequesterListsOnlyTheirOwnBookingsWhateverOwnerTheyAskFor() {
        Booking mine = stored(aBooking().ownedBy(alice).build());
        stored(aBooking().ownedBy(bob).build());
        stored(aLegacyBooking().build());

        assertThat(service.list(BookingQuery.all(), null, 10, alice).bookings()).containsExactly(mine);
        assertThat(service.list(BookingQuery.all().ownedBy(bob.id()), null, 10, alice).bookings())
                .containsExactly(mine);
        assertThat(service.list(BookingQuery.all(), null, 10, admin).bookings()).hasSize(3);
    }

    @Test
    void listingFiltersByStatusAndHalfOpenEventTimeRange() {
        Booking pendingAtTen = stored(aBooking().at(TEN_AM).build());
        Booking acceptedAtEleven = stored(aBooking().at(TEN_AM.plus(Duration.ofHours(1)))
                .withStatus(BookingStatus.ACCEPTED).build());
        Booking rejectedAtNoon = stored(aBooking().at(TEN_AM.plus(Duration.ofHours(2)))
                .withStatus(BookingStatus.REJECTED).build());
        stored(aBooking().withoutEventTime().build());

        BookingQuery acceptedOrRejected =
                new BookingQuery(Set.of(BookingStatus.ACCEPTED, BookingStatus.REJECTED), null, null, null);
        BookingQuery tenToNoon = new BookingQuery(Set.of(), TEN_AM, TEN_AM.plus(Duration.ofHours(2)), null);

        assertThat(service.list(acceptedOrRejected, null, 10, admin).bookings())
                .containsExactly(acceptedAtEleven, rejectedAtNoon);
        assertThat(service.list(tenToNoon, null, 10, admin).bookings())
                .containsExactly(pendingAtTen, acceptedAtEleven);
    }

    @Test
    void everyRowIsDeliveredOnceInOrderAcrossBatchBoundaries() {
        List<Long> all = IntStream.range(0, 7).mapToObj(i -> stored(aBooking().build()).id().value()).toList();
        List<List<Long>> batches = new ArrayList<>();

        service.forEachBatch(BookingQuery.all(), 3, admin, batch -> batches.add(ids(batch)));

        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(all);
    }

    @Test
    void batchesEndWithoutAnEmptyBatchWhenTheLastOneIsFull() {
        IntStream.range(0, 6).forEach(i -> stored(aBooking().build()));
        List<Integer> sizes = new ArrayList<>();

        service.forEachBatch(BookingQuery.all(), 3, admin, batch -> sizes.add(batch.size()));

        assertThat(sizes).containsExactly(3, 3);
    }

    @Test
    void batchesAreScopedToTheRequester() {
        Booking mine = stored(aBooking().ownedBy(alice).build());
        stored(aBooking().ownedBy(bob).build());
        List<Booking> seen = new ArrayList<>();

        service.forEachBatch(BookingQuery.all(), 1000, alice, seen::addAll);

        assertThat(seen).containsExactly(mine);
    }

    @Test
    void anAdminAcceptsAPendingBookingAndTheRepositoryBumpsItsVersion() {
        Booking pending = stored(aBooking().ownedBy(alice).build());

        Booking accepted = service.accept(pending.id(), admin);

        assertThat(accepted.status()).isEqualTo(BookingStatus.ACCEPTED);
        assertThat(accepted.decision().decidedBy()).isEqualTo(admin.id());
        assertThat(accepted.decision().decidedAt()).isEqualTo(NOW);
        assertThat(accepted.version()).isEqualTo(pending.version() + 1);
        assertThat(bookings.findById(pending.id())).contains(accepted);
        assertThat(transactions.count()).isEqualTo(1);
    }

    @Test
    void repeatingADecisionIsNotWritten() {
        Booking accepted = service.accept(stored(aBooking().build()).id(), admin);
        clock.advance(Duration.ofMinutes(5));

        Booking again = service.accept(accepted.id(), admin);

        assertThat(again).isEqualTo(accepted);
        assertThat(bookings.findById(accepted.id()).orElseThrow().version()).isEqualTo(accepted.version());
    }

    @Test
    void acceptingABookingOverlappingAnAcceptedLegacyOneIsAConflict() {
        Booking legacy = bookings.put(aLegacyBooking().withId(500).withStatus(BookingStatus.ACCEPTED)
                .at(TEN_AM.minus(Duration.ofMinutes(30))).lasting(32767).build());
        Booking pending = stored(aBooking().at(TEN_AM).build());

        assertThatThrownBy(() -> service.accept(pending.id(), admin))
                .isInstanceOfSatisfying(OverlapException.class,
                        e -> assertThat(e.conflictingBookingId()).contains(legacy.id().value()));
        assertThat(bookings.findById(pending.id()).orElseThrow().status()).isEqualTo(BookingStatus.PENDING);
    }

    @Test
    void acceptingBackToBackWithAnAcceptedBookingIsFine() {
        stored(aBooking().withStatus(BookingStatus.ACCEPTED).at(TEN_AM.minus(Duration.ofHours(1))).lasting(60)
                .build());
        Booking pending = stored(aBooking().at(TEN_AM).build());

        assertThat(service.accept(pending.id(), admin).status()).isEqualTo(BookingStatus.ACCEPTED);
    }

    @Test
    void aRequesterCannotAcceptOrRejectEvenTheirOwnBooking() {
        Booking mine = stored(aBooking().ownedBy(alice).build());

        assertThatThrownBy(() -> service.accept(mine.id(), alice)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.reject(mine.id(), alice)).isInstanceOf(PermissionDeniedException.class);
        assertThat(bookings.findById(mine.id())).contains(mine);
    }

    @Test
    void anAdminRejects() {
        Booking rejected = service.reject(stored(aBooking().build()).id(), admin);

        assertThat(rejected.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(rejected.version()).isEqualTo(1);
    }

    @Test
    void theOwnerCancelsTheirAcceptedBooking() {
        Booking accepted = stored(aBooking().ownedBy(alice).withStatus(BookingStatus.ACCEPTED).build());

        assertThat(service.cancel(accepted.id(), alice).status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void anotherRequesterCannotEvenSeeABookingToCancelIt() {
        Booking hers = stored(aBooking().ownedBy(alice).build());

        assertThatThrownBy(() -> service.cancel(hers.id(), bob)).isInstanceOf(NotFoundException.class);
        assertThat(bookings.findById(hers.id())).contains(hers);
    }

    @Test
    void aRejectedBookingCannotBeAccepted() {
        Booking rejected = stored(aBooking().withStatus(BookingStatus.REJECTED).build());

        assertThatThrownBy(() -> service.accept(rejected.id(), admin))
                .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void theOwnerReschedulesTheirPendingBooking() {
        Booking mine = stored(aBooking().ownedBy(alice).build());
        Instant later = TEN_AM.plus(Duration.ofDays(1));

        Booking moved = service.reschedule(mine.id(), new RescheduleBookingCommand(later, null, 90, null), alice);

        assertThat(moved.request().eventTime()).isEqualTo(later);
        assertThat(moved.request().durationMinutes()).isEqualTo(90);
        assertThat(moved.version()).isEqualTo(1);
    }

    @Test
    void anAdminCannotMoveAnAcceptedBookingOntoAnother() {
        Booking moving = stored(aBooking().withStatus(BookingStatus.ACCEPTED).at(TEN_AM).build());
        stored(aBooking().withStatus(BookingStatus.ACCEPTED).at(TEN_AM.plus(Duration.ofHours(3))).build());

        RescheduleBookingCommand onto = new RescheduleBookingCommand(TEN_AM.plus(Duration.ofHours(3)), null, null,
                null);

        assertThatThrownBy(() -> service.reschedule(moving.id(), onto, admin)).isInstanceOf(OverlapException.class);
    }

    @Test
    void anAdminDeletesABookingAndGetsItBack() {
        Booking booking = stored(aBooking().build());

        assertThat(service.delete(booking.id(), admin)).isEqualTo(booking);
        assertThat(bookings.findById(booking.id())).isEmpty();
        assertThatThrownBy(() -> service.delete(booking.id(), admin)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyAnAdminDeletes() {
        Booking mine = stored(aBooking().ownedBy(alice).build());

        assertThatThrownBy(() -> service.delete(mine.id(), alice)).isInstanceOf(PermissionDeniedException.class);
        assertThat(bookings.findById(mine.id())).contains(mine);
    }
}
