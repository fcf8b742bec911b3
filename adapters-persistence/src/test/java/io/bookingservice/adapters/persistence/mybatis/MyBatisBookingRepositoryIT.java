package io.bookingservice.adapters.persistence.mybatis;

import static io.bookingservice.domain.testing.BookingBuilder.aBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.application.error.ConcurrentUpdateException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.error.UnstorableValueException;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.domain.OverlapException;
import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.booking.TimeSlot;
import io.bookingservice.domain.testing.BookingBuilder;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What only the real database shows: SQL, type handlers, constraints and their
 * translation. Each test uses its own time window, so tests share one database.
 */
class MyBatisBookingRepositoryIT {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static PostgresFixture db;
    private static BookingRepository bookings;
    private static User admin;
    private static User requester;

    @BeforeAll
    static void startDatabase() {
        db = PostgresFixture.migrated();
        bookings = db.persistence.bookings();
        admin = db.createUser("admin", Role.ADMIN);
        requester = db.createUser("requester", Role.REQUESTER);
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @Test
    void aStoredBookingReadsBackEqualWithItsIdAndVersionZero() {
        Booking booking = aBooking().at(Instant.parse("2031-02-20T10:15:00.123456Z"))
                .withAddress(new Address("Rua \"Augusta\" 100", "Lisboa", null, "Portugal")).lasting(120)
                .withTopic("Deep Learning").requestedBy("pt@example.pt").ownedBy(requester).createdAt(NOW).build();

        Booking stored = bookings.insert(booking);

        assertThat(stored.id()).isNotNull();
        assertThat(stored).isEqualTo(booking.withId(stored.id()));
        assertThat(bookings.findById(stored.id())).contains(stored);
    }

    /** Issue 9 §4: these came back as a 500; PostgreSQL refuses them with SQLSTATE class 22. */
    @Test
    void valuesPostgresqlCannotStoreAreTheRequestsFaultNotAServerError() {
        Booking nulInTopic = aBooking().at(Instant.parse("2031-02-21T10:00:00Z"))
                .withAddress(new Address("1 Main St", "Oslo", null, "Norway")).lasting(30)
                .withTopic("Fore\u0000casting").requestedBy("a@example.org").ownedBy(requester).createdAt(NOW).build();
        assertThatThrownBy(() -> bookings.insert(nulInTopic)).isInstanceOf(UnstorableValueException.class)
                .hasMessageContaining("22021");

        Booking nulInAddress = aBooking().at(Instant.parse("2031-02-21T11:00:00Z"))
                .withAddress(new Address("1 Main\u0000St", "Oslo", null, "Norway")).lasting(30)
                .withTopic("Forecasting").requestedBy("a@example.org").ownedBy(requester).createdAt(NOW).build();
        assertThatThrownBy(() -> bookings.insert(nulInAddress)).isInstanceOf(UnstorableValueException.class);

        Booking farFuture = PostgresFixture.pending(requester, Instant.parse("+300000-01-01T00:00:00Z"), 30, NOW);
        assertThatThrownBy(() -> bookings.insert(farFuture)).isInstanceOf(UnstorableValueException.class);
        assertThatThrownBy(() -> bookings.list(new BookingQuery(Set.of(), Instant.parse("+300000-01-01T00:00:00Z"),
                null, null), null, 10)).isInstanceOf(UnstorableValueException.class);
    }

    @Test
    void eventTimesAreStoredAsTheSameInstant() {
        Instant time = Instant.parse("2031-03-01T09:00:00.25Z");
        Booking stored = bookings.insert(PostgresFixture.pending(requester, time, 30, NOW));

        assertThat(db.count("SELECT (extract(epoch FROM event_time) * 1000)::bigint FROM booking_requests WHERE id = "
                + stored.id())).isEqualTo(time.toEpochMilli());
    }

    @Test
    void anUpdateBumpsTheVersionAndAStaleVersionIsRefused() {
        Booking stored = bookings.insert(PostgresFixture.pending(requester, Instant.parse("2031-04-01T09:00:00Z"),
                30, NOW));

        Booking rejected = bookings.update(stored.reject(admin, CLOCK));

        assertThat(rejected.version()).isEqualTo(1);
        assertThat(rejected.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(rejected.decision().decidedBy()).isEqualTo(admin.id());
        assertThat(bookings.findById(stored.id())).contains(rejected);
        assertThatThrownBy(() -> bookings.update(stored.cancel(admin, CLOCK)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(bookings.findById(stored.id())).contains(rejected);
    }

    @Test
    void updatingADeletedBookingIsNotFound() {
        Booking stored = bookings.insert(PostgresFixture.pending(requester, Instant.parse("2031-05-01T09:00:00Z"),
                30, NOW));

        assertThat(bookings.delete(stored.id())).contains(stored);
        assertThat(bookings.delete(stored.id())).isEmpty();
        assertThatThrownBy(() -> bookings.update(stored.reject(admin, CLOCK)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void acceptingAnOverlappingBookingIsAConflictNamingTheBookingInTheWay() {
        Instant start = Instant.parse("2031-06-01T14:00:00Z");
        Booking first = bookings.update(bookings.insert(PostgresFixture.pending(requester, start, 60, NOW))
                .accept(admin, CLOCK, slot -> List.of()));
        Booking second = bookings.insert(PostgresFixture.pending(requester, start.plusSeconds(59 * 60), 30, NOW));

        // The domain is told nothing is in the way: only the exclusion constraint can refuse.
        assertThatThrownBy(() -> bookings.update(second.accept(admin, CLOCK, slot -> List.of())))
                .isInstanceOfSatisfying(OverlapException.class, e ->
                        assertThat(e.conflictingBookingId()).contains(first.id().value()));
        assertThat(bookings.findById(second.id()).orElseThrow().status()).isEqualTo(BookingStatus.PENDING);
    }

    @Test
    void backToBackAcceptedBookingsDoNotOverlap() {
        Instant start = Instant.parse("2031-07-01T14:00:00Z");
        bookings.update(bookings.insert(PostgresFixture.pending(requester, start, 60, NOW))
                .accept(admin, CLOCK, slot -> List.of()));
        Booking next = bookings.insert(PostgresFixture.pending(requester, start.plusSeconds(3600), 60, NOW));

        assertThat(bookings.update(next.accept(admin, CLOCK, slot -> List.of())).status())
                .isEqualTo(BookingStatus.ACCEPTED);
    }

    @Test
    void insertingAnAcceptedOverlappingBookingIsAConflictToo() {
        Instant start = Instant.parse("2031-08-01T14:00:00Z");
        Booking first = bookings.update(bookings.insert(PostgresFixture.pending(requester, start, 60, NOW))
                .accept(admin, CLOCK, slot -> List.of()));
        Booking clash = PostgresFixture.pending(requester, start.plusSeconds(600), 60, NOW)
                .accept(admin, CLOCK, slot -> List.of());

        assertThatThrownBy(() -> bookings.insert(clash))
                .isInstanceOfSatisfying(OverlapException.class, e ->
                        assertThat(e.conflictingBookingId()).contains(first.id().value()));
    }

    @Test
    void aConflictInsideATransactionLeavesTheTransactionUsable() {
        Instant start = Instant.parse("2031-09-01T14:00:00Z");
        bookings.update(bookings.insert(PostgresFixture.pending(requester, start, 60, NOW))
                .accept(admin, CLOCK, slot -> List.of()));
        Booking clash = bookings.insert(PostgresFixture.pending(requester, start, 60, NOW));

        Booking rejected = db.persistence.transactions().inTransaction(() -> {
            assertThatThrownBy(() -> bookings.update(clash.accept(admin, CLOCK, slot -> List.of())))
                    .isInstanceOf(OverlapException.class);
            // The savepoint was rolled back, not the transaction: this still works and commits.
            return bookings.update(clash.reject(admin, CLOCK));
        });

        assertThat(bookings.findById(clash.id())).contains(rejected);
    }

    @Test
    void findsEveryAcceptedBookingOverlappingASlotAndNoOther() {
        Instant ten = Instant.parse("2031-10-01T10:00:00Z");
        Booking endsAtTen = accepted(ten.minusSeconds(3600), 60);
        Booking inside = accepted(ten.plusSeconds(20 * 60), 10);
        Booking startsAtEleven = accepted(ten.plusSeconds(3600), 60);
        bookings.insert(PostgresFixture.pending(requester, ten, 60, NOW));

        assertThat(bookings.findAcceptedOverlapping(TimeSlot.ofMinutes(ten, 60)))
                .as("half-open: touching slots are not in the way, pending ones never")
                .containsExactly(inside);
        assertThat(bookings.findAcceptedOverlapping(TimeSlot.ofMinutes(ten.minusSeconds(30 * 60), 55)))
                .containsExactly(endsAtTen, inside);
        assertThat(bookings.findAcceptedOverlapping(TimeSlot.ofMinutes(ten.minusSeconds(2 * 3600), 6 * 60)))
                .containsExactly(endsAtTen, inside, startsAtEleven);
    }

    @Test
    void listsByKeysetWithEveryFilterInSql() {
        Instant base = Instant.parse("2032-01-01T00:00:00Z");
        User owner = db.createUser("lister", Role.REQUESTER);
        Booking a = bookings.insert(PostgresFixture.pending(owner, base, 30, NOW));
        Booking b = bookings.insert(PostgresFixture.pending(owner, base.plusSeconds(3600), 30, NOW));
        Booking c = bookings.update(bookings.insert(PostgresFixture.pending(owner, base.plusSeconds(7200), 30, NOW))
                .reject(admin, CLOCK));
        Booking d = bookings.insert(PostgresFixture.pending(owner, base.plusSeconds(10800), 30, NOW));
        BookingQuery mine = BookingQuery.all().ownedBy(owner.id());

        assertThat(bookings.list(mine, null, 10)).containsExactly(a, b, c, d);
        assertThat(bookings.list(mine, null, 2)).containsExactly(a, b);
        assertThat(bookings.list(mine, b.id(), 2)).containsExactly(c, d);
        assertThat(bookings.list(mine, d.id(), 2)).isEmpty();
        assertThat(bookings.list(new BookingQuery(Set.of(BookingStatus.REJECTED), null, null, owner.id()), null, 10))
                .containsExactly(c);
        assertThat(bookings.list(new BookingQuery(Set.of(BookingStatus.REJECTED, BookingStatus.PENDING),
                base.plusSeconds(3600), base.plusSeconds(10800), owner.id()), null, 10))
                .as("from is inclusive, to exclusive").containsExactly(b, c);
    }

    /** The cursor's id is compared as an integer (the column's type): one past every id lists nothing. */
    @Test
    void aCursorPastTheLargestIntegerIdListsNothingRatherThanFailing() {
        Instant base = Instant.parse("2032-02-01T00:00:00Z");
        User owner = db.createUser("far-lister", Role.REQUESTER);
        Booking a = bookings.insert(PostgresFixture.pending(owner, base, 30, NOW));
        Booking b = bookings.insert(PostgresFixture.pending(owner, base.plusSeconds(3600), 30, NOW));
        BookingQuery mine = BookingQuery.all().ownedBy(owner.id());
        BookingQuery ranged = new BookingQuery(Set.of(), base, base.plusSeconds(7200), owner.id());

        assertThat(bookings.list(mine, a.id(), 10)).containsExactly(b);
        assertThat(bookings.list(ranged, a.id(), 10)).containsExactly(b);
        for (long past : new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE}) {
            assertThat(bookings.list(mine, new BookingId(past), 10)).as("after %d", past).isEmpty();
            assertThat(bookings.list(ranged, new BookingId(past), 10)).as("after %d, in a range", past).isEmpty();
        }
    }

    @Test
    void aMovedGrandfatheredBookingLosesItsExemption() {
        Instant start = Instant.parse("2032-02-01T14:00:00Z");
        Booking legacyA = accepted(start, 60);
        db.execute("UPDATE booking_requests SET grandfathered = true WHERE id = " + legacyA.id());

        Booking cancelled = bookings.update(legacyA.cancel(admin, CLOCK));
        assertThat(db.count("SELECT count(*) FROM booking_requests WHERE grandfathered AND id = " + legacyA.id()))
                .as("same slot: still exempt").isEqualTo(1);

        Booking legacyB = accepted(start.plusSeconds(7200), 60);
        db.execute("UPDATE booking_requests SET grandfathered = true WHERE id = " + legacyB.id());
        Booking moved = BookingBuilder.from(legacyB).at(start.plusSeconds(9000)).updatedAt(NOW).build();
        bookings.update(moved);

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(db.count("SELECT count(*) FROM booking_requests WHERE grandfathered AND id = " + legacyB.id()))
                .isZero();
    }

    @Test
    void findByIdOfAnAbsentBookingIsEmpty() {
        assertThat(bookings.findById(new BookingId(Integer.MAX_VALUE))).isEmpty();
    }

    private Booking accepted(Instant start, int minutes) {
        return bookings.update(bookings.insert(PostgresFixture.pending(requester, start, minutes, NOW))
                .accept(admin, CLOCK, slot -> List.of()));
    }
}
