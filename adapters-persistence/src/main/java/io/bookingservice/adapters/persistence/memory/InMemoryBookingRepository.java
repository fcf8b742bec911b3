package io.bookingservice.adapters.persistence.memory;

import io.bookingservice.application.error.ConcurrentUpdateException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.domain.OverlapException;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.booking.TimeSlot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Bookings in memory, with the rules PostgreSQL enforces: optimistic versions and no two
 * accepted bookings overlapping (the exclusion constraint). Every operation runs under the
 * shared lock of {@link InMemoryTransactions}, so the overlap check and the write are atomic.
 */
public final class InMemoryBookingRepository implements BookingRepository {

    private final InMemoryTransactions store;
    /** Guarded by the store's lock. Ascending ids, as the listing needs. */
    private final TreeMap<Long, Booking> rows = new TreeMap<>();
    /** Like a database sequence: ids are never reused, not even after a rollback. */
    private long lastId;

    public InMemoryBookingRepository(InMemoryTransactions store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Booking insert(Booking booking) {
        return store.locked(() -> {
            BookingId id = new BookingId(++lastId);
            Booking stored = booking.withId(id).withVersion(0);
            refuseOverlap(stored);
            rows.put(id.value(), stored);
            store.onRollback(() -> rows.remove(id.value()));
            return stored;
        });
    }

    @Override
    public Optional<Booking> findById(BookingId id) {
        return store.locked(() -> Optional.ofNullable(rows.get(id.value())));
    }

    @Override
    public Booking update(Booking booking) {
        return store.locked(() -> {
            long id = booking.id().value();
            Booking current = rows.get(id);
            if (current == null) {
                throw NotFoundException.booking(id);
            }
            if (current.version() != booking.version()) {
                throw new ConcurrentUpdateException("Booking request with ID " + id + " was changed meanwhile");
            }
            Booking stored = booking.withVersion(booking.version() + 1);
            refuseOverlap(stored);
            rows.put(id, stored);
            store.onRollback(() -> rows.put(id, current));
            return stored;
        });
    }

    @Override
    public Optional<Booking> delete(BookingId id) {
        return store.locked(() -> {
            Booking removed = rows.remove(id.value());
            if (removed != null) {
                store.onRollback(() -> rows.put(id.value(), removed));
            }
            return Optional.ofNullable(removed);
        });
    }

    @Override
    public List<Booking> list(BookingQuery query, BookingId after, int limit) {
        return store.locked(() -> rows.tailMap(after == null ? Long.MIN_VALUE : after.value(), false).values()
                .stream()
                .filter(query::matches)
                .limit(limit)
                .toList());
    }

    @Override
    public List<Booking> listByEventTime(BookingQuery query, EventTimeKey after, int limit) {
        return store.locked(() -> rows.values().stream()
                .filter(b -> after == null || after.precedes(b))
                .filter(query::matches)
                .sorted(EventTimeKey.ORDER)
                .limit(limit)
                .toList());
    }

    @Override
    public List<Booking> findAcceptedOverlapping(TimeSlot slot) {
        return store.locked(() -> rows.values().stream()
                .filter(b -> b.status() == BookingStatus.ACCEPTED)
                .filter(b -> b.slot().map(slot::overlaps).orElse(false))
                .toList());
    }

    /** The exclusion constraint: an accepted booking overlaps no other accepted booking. */
    private void refuseOverlap(Booking candidate) {
        if (candidate.status() != BookingStatus.ACCEPTED) {
            return;
        }
        Optional<TimeSlot> slot = candidate.slot();
        if (slot.isEmpty()) {
            return;
        }
        for (Booking other : rows.values()) {
            if (other.status() == BookingStatus.ACCEPTED && !other.id().equals(candidate.id())
                    && other.slot().map(slot.get()::overlaps).orElse(false)) {
                throw new OverlapException(candidate.id().value(), other.id().value());
            }
        }
    }
}
