package io.bookingservice.adapters.persistence.memory;

import static io.bookingservice.domain.testing.BookingBuilder.aBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.port.out.IdempotencyStore.Claim;
import io.bookingservice.application.service.BookingService;
import io.bookingservice.domain.testing.BookingBuilder;
import io.bookingservice.application.testing.Users;
import io.bookingservice.domain.OverlapException;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryTransactionsTest {

    private static final Instant NOW = Instant.parse("2030-06-01T09:00:00Z");
    /** Guards against a deadlock hanging the build; not a statement about speed. */
    private static final long DEADLOCK_GUARD_SECONDS = 60;

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryBookingRepository bookings = new InMemoryBookingRepository(transactions);
    private final InMemoryUserRepository users = new InMemoryUserRepository(transactions);
    private final InMemoryIdempotencyStore keys = new InMemoryIdempotencyStore(transactions);

    @Test
    void anExceptionAfterAnInsertLeavesNoRow() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            bookings.insert(aBooking().build());
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(bookings.list(BookingQuery.all(), null, 100)).isEmpty();
    }

    @Test
    void aFailedUnitOfWorkIsUndoneInEveryRepository() {
        User kept = users.create(Users.newUser("kept", Role.REQUESTER));
        Booking booking = bookings.insert(aBooking().ownedBy(kept).build());

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            users.create(Users.newUser("gone", Role.REQUESTER));
            users.update(kept.withRole(Role.ADMIN));
            bookings.update(BookingBuilder.from(booking).withTopic("Changed").build());
            bookings.delete(booking.id());
            keys.claim(kept.id(), "key", "fp", NOW);
            keys.complete(kept.id(), "key", new StoredResponse(201, "{}"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(users.list()).containsExactly(kept);
        assertThat(users.findByUsername(new Username("gone"))).isEmpty();
        assertThat(bookings.findById(booking.id())).contains(booking);
        assertThat(keys.claim(kept.id(), "key", "other-fp", NOW)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void aRefusedWriteInsideAUnitOfWorkRollsBackTheWritesBeforeIt() {
        bookings.insert(aBooking().withStatus(BookingStatus.ACCEPTED).build());

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            bookings.insert(aBooking().withTopic("first").build());
            return bookings.insert(aBooking().withStatus(BookingStatus.ACCEPTED).build());
        })).isInstanceOf(OverlapException.class);

        assertThat(bookings.list(BookingQuery.all(), null, 100)).hasSize(1);
    }

    @Test
    void aFailedNestedUnitOfWorkUndoesOnlyItsOwnWrites() {
        Booking outer = transactions.inTransaction(() -> {
            Booking first = bookings.insert(aBooking().withTopic("outer").build());
            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                bookings.insert(aBooking().withTopic("inner").build());
                throw new IllegalStateException("inner failure");
            })).isInstanceOf(IllegalStateException.class);
            return first;
        });

        assertThat(bookings.list(BookingQuery.all(), null, 100)).containsExactly(outer);
    }

    @Test
    void aCommittedUnitOfWorkIsNotUndoneByALaterFailure() {
        Booking committed = transactions.inTransaction(() -> bookings.insert(aBooking().build()));

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(bookings.findById(committed.id())).contains(committed);
    }

    @Test
    void anotherThreadNeverSeesWritesThatAreRolledBack() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> writer = threads.submit(() -> transactions.inTransaction(() -> {
                bookings.insert(aBooking().build());
                inserted.countDown();
                await(release);
                throw new IllegalStateException("rolled back");
            }));
            inserted.await();

            // Started while the writer holds its uncommitted row: it must wait and then see nothing.
            Future<Integer> reader = threads.submit(() -> bookings.list(BookingQuery.all(), null, 100).size());
            release.countDown();

            assertThatThrownBy(() -> writer.get(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class);
            assertThat(reader.get(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS)).isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theLockIsReleasedAfterAFailure() throws Exception {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        Booking fromAnotherThread = CompletableFuture.supplyAsync(() -> bookings.insert(aBooking().build()))
                .get(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS);

        assertThat(bookings.findById(fromAnotherThread.id())).isPresent();
    }

    @Test
    void theBookingServiceRunsOnTheInMemoryAdapter() {
        User admin = users.create(Users.newUser("admin", Role.ADMIN));
        BookingService service = new BookingService(bookings, keys, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
        Booking first = bookings.insert(aBooking().build());
        Booking second = bookings.insert(aBooking().build());

        service.accept(first.id(), admin);

        assertThatThrownBy(() -> service.accept(second.id(), admin)).isInstanceOf(OverlapException.class);
        assertThat(bookings.findById(second.id()).orElseThrow().status()).isEqualTo(BookingStatus.PENDING);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
