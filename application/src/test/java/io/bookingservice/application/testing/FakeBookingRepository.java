package io.bookingservice.application.testing;

import io.bookingservice.application.error.ConcurrentUpdateException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.booking.TimeSlot;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small fake of {@link BookingRepository} for tests of the application and of the web
 * adapter: a synchronised map with version checks. It does not enforce the overlap rule
 * itself (the service asks the domain to); real adapters do, see the contract tests.
 */
public class FakeBookingRepository implements BookingRepository {

    private final TreeMap<Long, Booking> rows = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized Booking insert(Booking booking) {
        Booking stored = booking.withId(new BookingId(++lastId)).withVersion(0);
        rows.put(lastId, stored);
        return stored;
    }

    /** Stores a row as it is, id included, like a legacy row already in the database. */
    public synchronized Booking put(Booking booking) {
        rows.put(booking.id().value(), booking);
        lastId = Math.max(lastId, booking.id().value());
        return booking;
    }

    @Override
    public synchronized Optional<Booking> findById(BookingId id) {
        return Optional.ofNullable(rows.get(id.value()));
    }

    @Override
    public synchronized Booking update(Booking booking) {
        Booking current = rows.get(booking.id().value());
        if (current == null) {
            throw NotFoundException.booking(booking.id().value());
        }
        if (current.version() != booking.version()) {
            throw new ConcurrentUpdateException("Booking request with ID " + booking.id() + " was changed meanwhile");
        }
        Booking stored = booking.withVersion(booking.version() + 1);
        rows.put(booking.id().value(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Booking> delete(BookingId id) {
        return Optional.ofNullable(rows.remove(id.value()));
    }

    @Override
    public synchronized List<Booking> list(BookingQuery query, BookingId after, int limit) {
        return rows.tailMap(after == null ? 0 : after.value(), false).values().stream()
                .filter(query::matches)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Booking> listByEventTime(BookingQuery query, EventTimeKey after, int limit) {
        return rows.values().stream()
                .filter(b -> after == null || after.precedes(b))
                .filter(query::matches)
                .sorted(EventTimeKey.ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Booking> findAcceptedOverlapping(TimeSlot slot) {
        return rows.values().stream()
                .filter(b -> b.status() == BookingStatus.ACCEPTED)
                .filter(b -> b.slot().map(slot::overlaps).orElse(false))
                .toList();
    }

    public synchronized int size() {
        return rows.size();
    }
}
