package io.bookingservice.adapters.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.application.service.BookingService;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "All rows" as consecutive keyset batches: each row once, in order, while others insert. */
class BatchReadIT {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static PostgresFixture db;
    private static BookingRepository bookings;
    private static BookingService service;
    private static User admin;

    @BeforeAll
    static void start() {
        db = PostgresFixture.migrated();
        bookings = db.persistence.bookings();
        service = new BookingService(bookings, db.persistence.idempotencyStore(), db.persistence.transactions(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        admin = db.createUser("admin", Role.ADMIN);
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @Test
    void everyRowOnceInIdOrderAcrossBatchBoundariesDespiteConcurrentInserts() throws Exception {
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            before.add(bookings.insert(PostgresFixture.pending(admin, NOW.plusSeconds(3600L * i), 30, NOW)).id().value());
        }
        AtomicBoolean reading = new AtomicBoolean(true);
        CountDownLatch writerStarted = new CountDownLatch(1);
        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
            int inserted = 0;
            // Bounded, so the reader (which stops at the first short batch) always catches up.
            while (reading.get() && inserted < 500) {
                bookings.insert(PostgresFixture.pending(admin, NOW.minusSeconds(60L * inserted), 15, NOW));
                inserted++;
                writerStarted.countDown();
            }
            return inserted;
        });
        writerStarted.await();

        List<Long> seen = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        // A batch size that does not divide the row count: the last batch is partial.
        service.forEachBatch(BookingQuery.all(), 7, admin, batch -> {
            batchSizes.add(batch.size());
            batch.stream().map(Booking::id).forEach(id -> seen.add(id.value()));
        });
        reading.set(false);
        int insertedMeanwhile = writer.get();

        Set<Long> unique = new HashSet<>(seen);
        assertThat(unique).as("no row twice").hasSameSizeAs(seen);
        assertThat(seen).as("ascending ids").isSorted();
        assertThat(seen).as("every row that existed before").containsAll(before);
        assertThat(seen.size()).isBetween(before.size(), before.size() + insertedMeanwhile);
        assertThat(batchSizes.subList(0, batchSizes.size() - 1)).containsOnly(7);
        assertThat(insertedMeanwhile).isPositive();
    }
}
