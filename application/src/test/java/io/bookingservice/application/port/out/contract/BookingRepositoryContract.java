package io.bookingservice.application.port.out.contract;

import static io.bookingservice.application.port.out.contract.ContractSupport.freshDay;
import static io.bookingservice.application.port.out.contract.ContractSupport.race;
import static io.bookingservice.domain.testing.BookingBuilder.aBooking;
import static io.bookingservice.domain.testing.BookingBuilder.aLegacyBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bookingservice.application.error.ConcurrentUpdateException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.domain.testing.BookingBuilder;
import io.bookingservice.application.testing.Users;
import io.bookingservice.domain.OverlapException;
import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.booking.TimeSlot;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BookingRepository} adapter must do; runs as a nested suite of
 * {@link PersistenceContract}, which an adapter subclasses once.
 *
 * <p>The contract does not assume an empty store: each test creates its own users (so
 * owner filters isolate its rows) and places its bookings on days no other test uses (so
 * accepted bookings of earlier tests never overlap). A database per test class is enough.
 *
 * <p>Unlike the application's fake, an adapter must itself refuse to store an accepted
 * booking overlapping another accepted one, even when two updates race (PostgreSQL: an
 * exclusion constraint). Grandfathered legacy overlaps are set up by migrations, not here.
 */
abstract class BookingRepositoryContract {

    private static final int RACERS = 8;

    private PersistencePorts adapter;

    /** The adapter under test, asked for before each test. */
    protected abstract PersistencePorts ports();

    /** Whether a unit of work that throws leaves no trace; see {@link PersistenceContract#undoesFailedUnitsOfWork}. */
    protected boolean undoesFailedUnitsOfWork() {
        return true;
    }

    /** Whether the store itself refuses overlapping accepted bookings; see {@link PersistenceContract#refusesOverlaps}. */
    protected boolean refusesOverlaps() {
        return true;
    }

    private BookingRepository bookings() {
        return adapter.bookings();
    }

    /** The user store of the same adapter: bookings point at their owners and deciders. */
    private UserRepository users() {
        return adapter.users();
    }

    /** The unit of work of the same adapter. */
    private Transactions transactions() {
        return adapter.transactions();
    }

    protected User owner;
    protected User admin;
    protected Instant day;

    @BeforeEach
    final void prepareBookingContract() {
        adapter = ports();
        owner = users().create(Users.newUser(Users.uniqueName("owner"), Role.REQUESTER));
        admin = users().create(Users.newUser(Users.uniqueName("admin"), Role.ADMIN));
        day = freshDay();
    }

    private Instant at(int hour, int minute) {
        return day.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }

    private BookingBuilder mine() {
        return aBooking().ownedBy(owner).at(at(10, 0));
    }

    private Booking insert(BookingBuilder booking) {
        return bookings().insert(booking.build());
    }

    private Booking accepted(Booking booking) {
        return BookingBuilder.from(booking).withStatus(BookingStatus.ACCEPTED).decidedBy(admin, at(8, 0)).build();
    }

    private static List<Long> ids(List<Booking> bookings) {
        return bookings.stream().map(b -> b.id().value()).toList();
    }

    private BookingQuery ownedByOwner(Set<BookingStatus> statuses, Instant from, Instant to) {
        return new BookingQuery(statuses, from, to, owner.id());
    }

    // ---- insert, find, update, delete

    @Test
    void insertAssignsAnIdAndVersionZero() {
        Booking stored = insert(mine().withVersion(7));

        assertThat(stored.id()).isNotNull();
        assertThat(stored.version()).isZero();
        assertThat(bookings().findById(stored.id())).contains(stored);
    }

    @Test
    void laterInsertsGetGreaterIds() {
        Booking first = insert(mine());
        Booking second = insert(mine().at(at(12, 0)));

        assertThat(second.id().value()).isGreaterThan(first.id().value());
    }

    @Test
    void everyFieldIsStoredAsGiven() {
        Booking full = mine()
                .withAddress(new Address("10 Downing Street", "London", "Greater London", "United Kingdom"))
                .lasting(1440)
                .withTopic("Ports and adapters, with \"quotes\" and ünïcödé")
                .requestedBy("office@example.org")
                .withStatus(BookingStatus.REJECTED)
                .createdAt(at(1, 0))
                .decidedBy(admin, at(2, 30))
                .build();

        Booking stored = bookings().insert(full);

        assertThat(bookings().findById(stored.id())).contains(BookingBuilder.from(full).withId(stored.id().value())
                .withVersion(0).build());
    }

    @Test
    void legacyValuesAreStoredAndReadBackUnchanged() {
        Booking legacy = aLegacyBooking().withoutEventTime().lasting(32767)
                .withAddress(new Address("", "", null, "Absurdistan")).build();

        Booking stored = bookings().insert(legacy);
        Booking read = bookings().findById(stored.id()).orElseThrow();

        assertThat(read.request().eventTime()).isNull();
        assertThat(read.audit().submittedBy()).isNull();
        assertThat(read.audit().createdAt()).isNull();
        assertThat(read.request().topic()).isEmpty();
        assertThat(read.request().durationMinutes()).isEqualTo(32767);
        assertThat(read.request().address()).isEqualTo(legacy.request().address());
    }

    @Test
    void anAbsentIdIsNotFound() {
        assertThat(bookings().findById(new BookingId(Integer.MAX_VALUE))).isEmpty();
    }

    @Test
    void updateStoresTheChangeAndBumpsTheVersion() {
        Booking stored = insert(mine());

        Booking first = bookings().update(BookingBuilder.from(stored).withTopic("Renamed").build());
        Booking second = bookings().update(BookingBuilder.from(first).lasting(90).build());

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        Booking read = bookings().findById(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(second);
        assertThat(read.request().topic()).isEqualTo("Renamed");
        assertThat(read.request().durationMinutes()).isEqualTo(90);
    }

    @Test
    void anUpdateFromAStaleVersionIsAConcurrentUpdate() {
        Booking stored = insert(mine());
        Booking changedMeanwhile = bookings().update(BookingBuilder.from(stored).withTopic("First writer").build());

        assertThatThrownBy(() -> bookings().update(BookingBuilder.from(stored).withTopic("Second writer").build()))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(bookings().findById(stored.id())).contains(changedMeanwhile);
    }

    @Test
    void updatingADeletedBookingIsNotFound() {
        Booking stored = insert(mine());
        bookings().delete(stored.id());

        assertThatThrownBy(() -> bookings().update(BookingBuilder.from(stored).withTopic("Too late").build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(bookings().findById(stored.id())).isEmpty();
    }

    @Test
    void deleteReturnsTheBookingAsItWasAndThenNothing() {
        Booking stored = insert(mine());

        assertThat(bookings().delete(stored.id())).contains(stored);
        assertThat(bookings().findById(stored.id())).isEmpty();
        assertThat(bookings().delete(stored.id())).isEmpty();
    }

    // ---- listing

    @Test
    void listingIsInAscendingIdOrderAcrossOwners() {
        User other = users().create(Users.newUser(Users.uniqueName("other"), Role.REQUESTER));
        Booking a = insert(mine());
        Booking b = insert(aBooking().ownedBy(other).at(at(11, 0)));
        Booking c = insert(aLegacyBooking().at(at(12, 0)));
        Set<Long> ours = Set.of(a.id().value(), b.id().value(), c.id().value());

        List<Booking> page = bookings().list(BookingQuery.all(), new BookingId(a.id().value()), 1000);
        List<Long> listed = ids(page);

        assertThat(listed).isSorted();
        assertThat(listed).filteredOn(ours::contains).containsExactly(b.id().value(), c.id().value());
        assertThat(listed).allMatch(id -> id > a.id().value());
    }

    @Test
    void listingPagesByKeysetAfterTheLastIdSeen() {
        List<Booking> five = IntStream.range(0, 5).mapToObj(i -> insert(mine().at(at(i, 0)))).toList();
        BookingQuery query = ownedByOwner(Set.of(), null, null);

        List<Booking> first = bookings().list(query, null, 2);
        List<Booking> second = bookings().list(query, first.get(1).id(), 2);
        List<Booking> third = bookings().list(query, second.get(1).id(), 2);
        List<Booking> beyond = bookings().list(query, third.get(0).id(), 2);

        assertThat(first).containsExactlyElementsOf(five.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(five.subList(2, 4));
        assertThat(third).containsExactlyElementsOf(five.subList(4, 5));
        assertThat(beyond).isEmpty();
    }

    @Test
    void listingFiltersBySeveralStatuses() {
        Booking pending = insert(mine());
        Booking rejected = insert(mine().withStatus(BookingStatus.REJECTED));
        Booking cancelled = insert(mine().withStatus(BookingStatus.CANCELLED));
        Booking acceptedOne = insert(mine().withStatus(BookingStatus.ACCEPTED));

        assertThat(bookings().list(ownedByOwner(Set.of(BookingStatus.REJECTED, BookingStatus.CANCELLED), null, null),
                null, 100)).containsExactly(rejected, cancelled);
        assertThat(bookings().list(ownedByOwner(Set.of(BookingStatus.PENDING), null, null), null, 100))
                .containsExactly(pending);
        assertThat(bookings().list(ownedByOwner(Set.of(), null, null), null, 100))
                .containsExactly(pending, rejected, cancelled, acceptedOne);
    }

    @Test
    void listingFiltersOnAHalfOpenEventTimeRange() {
        Booking before = insert(mine().at(at(9, 59)));
        Booking atFrom = insert(mine().at(at(10, 0)));
        Booking inside = insert(mine().at(at(11, 30)));
        Booking atTo = insert(mine().at(at(12, 0)));
        Booking undated = insert(mine().withoutEventTime());

        assertThat(bookings().list(ownedByOwner(Set.of(), at(10, 0), at(12, 0)), null, 100))
                .containsExactly(atFrom, inside);
        assertThat(bookings().list(ownedByOwner(Set.of(), at(10, 0), null), null, 100))
                .as("a lower bound alone excludes bookings without event time")
                .containsExactly(atFrom, inside, atTo);
        assertThat(bookings().list(ownedByOwner(Set.of(), null, at(10, 0)), null, 100))
                .as("an upper bound alone excludes bookings without event time")
                .containsExactly(before);
        assertThat(bookings().list(ownedByOwner(Set.of(), null, null), null, 100))
                .containsExactly(before, atFrom, inside, atTo, undated);
    }

    @Test
    void listingFiltersByOwner() {
        User other = users().create(Users.newUser(Users.uniqueName("other"), Role.REQUESTER));
        Booking mine = insert(mine());
        insert(aBooking().ownedBy(other).at(at(11, 0)));
        insert(aLegacyBooking().at(at(12, 0)));

        assertThat(bookings().list(ownedByOwner(Set.of(), null, null), null, 100)).containsExactly(mine);
    }

    @Test
    void listingCombinesFiltersAndLimit() {
        insert(mine().at(at(9, 0)).withStatus(BookingStatus.ACCEPTED));
        Booking second = insert(mine().at(at(11, 0)).withStatus(BookingStatus.ACCEPTED));
        insert(mine().at(at(13, 0)).withStatus(BookingStatus.ACCEPTED));
        insert(mine().at(at(11, 0)));

        assertThat(bookings().list(ownedByOwner(Set.of(BookingStatus.ACCEPTED), at(10, 0), at(20, 0)), null, 1))
                .containsExactly(second);
    }

    // ---- listing by event time

    @Test
    void listingByEventTimeIsSoonestFirstTiesByIdAndUntimedLast() {
        Booking late = insert(mine().at(at(15, 0)));
        Booking untimedFirst = insert(mine().withoutEventTime());
        Booking early = insert(mine().at(at(9, 0)));
        Booking tieA = insert(mine().at(at(12, 0)));
        Booking tieB = insert(mine().at(at(12, 0)));
        Booking untimedSecond = insert(mine().withoutEventTime());
        BookingQuery query = ownedByOwner(Set.of(), null, null);

        assertThat(bookings().listByEventTime(query, null, 100))
                .containsExactly(early, tieA, tieB, late, untimedFirst, untimedSecond);
    }

    @Test
    void listingByEventTimePagesByKeysetAcrossTiesAndIntoTheUntimed() {
        List<Booking> expected = List.of(insert(mine().at(at(9, 0))), insert(mine().at(at(12, 0))),
                insert(mine().at(at(12, 0))), insert(mine().at(at(12, 0))), insert(mine().withoutEventTime()),
                insert(mine().withoutEventTime()), insert(mine().withoutEventTime()));
        BookingQuery query = ownedByOwner(Set.of(), null, null);

        for (int size = 1; size <= 4; size++) {
            List<Booking> seen = new ArrayList<>();
            EventTimeKey after = null;
            while (true) {
                List<Booking> page = bookings().listByEventTime(query, after, size);
                seen.addAll(page);
                if (page.size() < size) {
                    break;
                }
                after = EventTimeKey.of(page.get(page.size() - 1));
            }
            assertThat(seen).as("pages of %d", size).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void listingByEventTimeAppliesEveryFilter() {
        User other = users().create(Users.newUser(Users.uniqueName("other"), Role.REQUESTER));
        insert(mine().at(at(9, 0)).withStatus(BookingStatus.REJECTED));
        Booking inside = insert(mine().at(at(11, 0)).withStatus(BookingStatus.REJECTED));
        insert(mine().at(at(11, 30)));
        insert(aBooking().ownedBy(other).at(at(11, 15)).withStatus(BookingStatus.REJECTED));
        insert(mine().withoutEventTime().withStatus(BookingStatus.REJECTED));
        Booking later = insert(mine().at(at(13, 0)).withStatus(BookingStatus.REJECTED));

        assertThat(bookings().listByEventTime(ownedByOwner(Set.of(BookingStatus.REJECTED), at(10, 0), at(20, 0)),
                null, 100)).containsExactly(inside, later);
        assertThat(bookings().listByEventTime(ownedByOwner(Set.of(BookingStatus.REJECTED), at(10, 0), at(20, 0)),
                EventTimeKey.of(inside), 100)).containsExactly(later);
    }

    // ---- overlap

    @Test
    void findsEveryAcceptedBookingOverlappingASlotLegacyOnesIncluded() {
        Booking legacy = insert(aLegacyBooking().withStatus(BookingStatus.ACCEPTED).at(at(9, 0)).lasting(90));
        Booking noon = insert(mine().withStatus(BookingStatus.ACCEPTED).at(at(12, 0)).lasting(60));
        insert(mine().withStatus(BookingStatus.ACCEPTED).at(at(14, 0)).lasting(60));
        insert(mine().at(at(11, 0)));
        insert(mine().withStatus(BookingStatus.CANCELLED).at(at(11, 0)));
        insert(mine().withStatus(BookingStatus.REJECTED).at(at(11, 0)));

        List<Booking> found = bookings().findAcceptedOverlapping(TimeSlot.ofMinutes(at(10, 0), 180));

        assertThat(found).containsExactlyInAnyOrder(legacy, noon);
    }

    @Test
    void backToBackSlotsAreNotOverlapping() {
        insert(mine().withStatus(BookingStatus.ACCEPTED).at(at(10, 0)).lasting(60));

        assertThat(bookings().findAcceptedOverlapping(TimeSlot.ofMinutes(at(11, 0), 60))).isEmpty();
        assertThat(bookings().findAcceptedOverlapping(TimeSlot.ofMinutes(at(9, 0), 60))).isEmpty();
        assertThat(bookings().findAcceptedOverlapping(TimeSlot.ofMinutes(at(10, 59), 1))).hasSize(1);
    }

    @Test
    void acceptingABookingOverlappingAnAcceptedOneIsRefusedByTheRepository() {
        assumeTrue(refusesOverlaps(), "the adapter leaves the overlap rule to the domain");
        Booking first = insert(mine().withStatus(BookingStatus.ACCEPTED).at(at(10, 0)).lasting(60));
        Booking pending = insert(mine().at(at(10, 59)).lasting(60));

        assertThatThrownBy(() -> bookings().update(accepted(pending)))
                .isInstanceOf(OverlapException.class);
        assertThat(bookings().findById(pending.id())).contains(pending);
        assertThat(bookings().findById(first.id())).contains(first);
    }

    @Test
    void insertingAnAcceptedBookingOverlappingAnotherIsRefused() {
        assumeTrue(refusesOverlaps(), "the adapter leaves the overlap rule to the domain");
        insert(mine().withStatus(BookingStatus.ACCEPTED).at(at(10, 0)).lasting(60));

        assertThatThrownBy(() -> insert(mine().withStatus(BookingStatus.ACCEPTED).at(at(10, 30)).lasting(10)))
                .isInstanceOf(OverlapException.class);
        assertThat(bookings().list(ownedByOwner(Set.of(BookingStatus.ACCEPTED), null, null), null, 100)).hasSize(1);
    }

    @Test
    void acceptingBackToBackBookingsIsFine() {
        insert(mine().withStatus(BookingStatus.ACCEPTED).at(at(10, 0)).lasting(60));
        Booking after = insert(mine().at(at(11, 0)).lasting(60));
        Booking before = insert(mine().at(at(9, 0)).lasting(60));

        assertThat(bookings().update(accepted(after)).status()).isEqualTo(BookingStatus.ACCEPTED);
        assertThat(bookings().update(accepted(before)).status()).isEqualTo(BookingStatus.ACCEPTED);
    }

    @Test
    void pendingAndCancelledBookingsDoNotBlockAnAccept() {
        insert(mine().at(at(10, 0)));
        Booking wasAccepted = insert(mine().withStatus(BookingStatus.ACCEPTED).at(at(10, 0)));
        bookings().update(BookingBuilder.from(wasAccepted).withStatus(BookingStatus.CANCELLED).build());
        Booking pending = insert(mine().at(at(10, 0)));

        assertThat(bookings().update(accepted(pending)).status()).isEqualTo(BookingStatus.ACCEPTED);
    }

    @Test
    void anAcceptedBookingDoesNotOverlapItself() {
        Booking stored = insert(mine().withStatus(BookingStatus.ACCEPTED).at(at(10, 0)).lasting(60));

        Booking longer = bookings().update(BookingBuilder.from(stored).lasting(120).withTopic("Longer").build());

        assertThat(longer.request().durationMinutes()).isEqualTo(120);
    }

    @Test
    void ofOverlappingBookingsAcceptedConcurrentlyExactlyOneWins() throws InterruptedException {
        assumeTrue(refusesOverlaps(), "the adapter leaves the overlap rule to the domain");
        for (int round = 0; round < 3; round++) {
            Instant roundStart = at(10 + 3 * round, 0);
            List<Booking> pending = IntStream.range(0, RACERS)
                    // pairwise overlapping: each starts one minute after the previous, all last an hour
                    .mapToObj(i -> insert(mine().at(roundStart.plus(Duration.ofMinutes(i))).lasting(60)))
                    .toList();
            List<Callable<Boolean>> accepts = new ArrayList<>();
            for (Booking booking : pending) {
                accepts.add(() -> {
                    try {
                        bookings().update(accepted(booking));
                        return true;
                    } catch (OverlapException e) {
                        return false;
                    }
                });
            }

            List<Boolean> won = race(accepts);

            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            assertThat(bookings().findAcceptedOverlapping(TimeSlot.ofMinutes(roundStart, 120)))
                    .as("round %d", round).hasSize(1);
        }
    }

    // ---- transactions

    @Test
    void aFailedUnitOfWorkLeavesNoBookingBehind() {
        assumeTrue(undoesFailedUnitsOfWork(), "the adapter does not roll back a failed unit of work");
        AtomicReference<BookingId> inserted = new AtomicReference<>();

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            inserted.set(insert(mine()).id());
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(bookings().findById(inserted.get())).isEmpty();
    }

    @Test
    void aFailedUnitOfWorkUndoesItsUpdatesAndDeletes() {
        assumeTrue(undoesFailedUnitsOfWork(), "the adapter does not roll back a failed unit of work");
        Booking changed = insert(mine());
        Booking deleted = insert(mine().at(at(12, 0)));

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            bookings().update(BookingBuilder.from(changed).withTopic("Never").build());
            bookings().delete(deleted.id());
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(bookings().findById(changed.id())).contains(changed);
        assertThat(bookings().findById(deleted.id())).contains(deleted);
    }

    @Test
    void aSuccessfulUnitOfWorkCommitsEverything() {
        Booking stored = transactions().inTransaction(() -> {
            Booking booking = insert(mine());
            return bookings().update(BookingBuilder.from(booking).withTopic("Committed").build());
        });

        assertThat(bookings().findById(stored.id())).contains(stored);
    }
}
