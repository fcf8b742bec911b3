package io.bookingservice.adapters.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.application.service.BookingService;
import io.bookingservice.domain.OverlapException;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No double booking under real concurrency: in each round, {@value #THREADS} threads accept
 * at the same moment bookings that form two groups; within a group every pair overlaps.
 * Exactly one per group may win, and the database must hold no overlapping accepted pair.
 */
class ConcurrentAcceptanceIT {

    private static final int THREADS = 8;
    private static final int GROUPS = 2;
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static PostgresFixture db;
    private static BookingRepository bookings;
    private static BookingService service;
    private static User admin;
    private static ExecutorService threads;
    private static int round;

    @BeforeAll
    static void start() {
        db = PostgresFixture.migrated(THREADS + 2);
        bookings = db.persistence.bookings();
        service = new BookingService(bookings, db.persistence.idempotencyStore(), db.persistence.transactions(),
                CLOCK);
        admin = db.createUser("admin", Role.ADMIN);
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        db.close();
    }

    @Test
    void racingAcceptancesThroughTheRepositoryLeaveOneWinnerPerGroup() throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            // The domain is told that nothing is accepted: the database alone must decide.
            raceOneRound(b -> bookings.update(b.accept(admin, CLOCK, slot -> List.of())));
        }
        report("repository", 200, started);
        assertNoOverlappingAcceptedPairs();
    }

    @Test
    void racingAcceptancesThroughTheServiceLeaveOneWinnerPerGroup() throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            // The real use case: domain check, then the update, in a Spring transaction.
            raceOneRound(b -> service.accept(b.id(), admin));
        }
        report("BookingService", 100, started);
        assertNoOverlappingAcceptedPairs();
    }

    private static void raceOneRound(Function<Booking, Booking> accept) throws InterruptedException {
        List<Booking> pending = new ArrayList<>();
        // Each round in its own day; within a group, starts 10 minutes apart for 60 minutes:
        // every pair in the group overlaps, and the groups (4 hours apart) do not.
        Instant day = Instant.parse("2031-01-01T08:00:00Z").plus(Duration.ofDays(round++));
        for (int i = 0; i < THREADS; i++) {
            Instant start = day.plus(Duration.ofHours(4L * (i % GROUPS))).plus(Duration.ofMinutes(10L * (i / GROUPS)));
            pending.add(bookings.insert(PostgresFixture.pending(admin, start, 60, NOW)));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Booking>> outcomes = new ArrayList<>();
        for (Booking booking : pending) {
            outcomes.add(threads.submit(() -> {
                go.await();
                return accept.apply(booking);
            }));
        }
        go.countDown();

        int[] winners = new int[GROUPS];
        int conflicts = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            try {
                assertThat(outcomes.get(i).get().status()).isEqualTo(BookingStatus.ACCEPTED);
                winners[i % GROUPS]++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(OverlapException.class);
                conflicts++;
            }
        }
        assertThat(winners).as("winners per group").containsOnly(1);
        assertThat(conflicts).isEqualTo(THREADS - GROUPS);
    }

    private static void assertNoOverlappingAcceptedPairs() {
        assertThat(db.count("""
                SELECT count(*)
                  FROM booking_requests a
                  JOIN booking_requests b ON a.id < b.id
                 WHERE a.status = 'accepted' AND b.status = 'accepted'
                   AND tstzrange(a.event_time, a.event_time + make_interval(mins => a.duration_minutes), '[)')
                    && tstzrange(b.event_time, b.event_time + make_interval(mins => b.duration_minutes), '[)')
                """)).isZero();
    }

    /** Printed, not asserted: timing is for the reader (and the benchmarks), never a test verdict. */
    private static void report(String via, int rounds, long startedNanos) {
        System.out.printf("%d rounds of %d racing acceptances via %s: %d ms%n", rounds, THREADS, via,
                Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
    }
}
