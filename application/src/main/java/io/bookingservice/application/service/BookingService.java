package io.bookingservice.application.service;

import io.bookingservice.application.error.IdempotencyKeyInProgressException;
import io.bookingservice.application.error.IdempotencyKeyReusedException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.model.BookingPage;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.application.model.EventTimePage;
import io.bookingservice.application.model.IdempotencyRequest;
import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.port.in.DecideOnBookingUseCase;
import io.bookingservice.application.port.in.DeleteBookingUseCase;
import io.bookingservice.application.port.in.FindOverlapsUseCase;
import io.bookingservice.application.port.in.GetBookingUseCase;
import io.bookingservice.application.port.in.ListBookingsByEventTimeUseCase;
import io.bookingservice.application.port.in.ListBookingsUseCase;
import io.bookingservice.application.port.in.RescheduleBookingCommand;
import io.bookingservice.application.port.in.RescheduleBookingUseCase;
import io.bookingservice.application.port.in.SubmitBookingCommand;
import io.bookingservice.application.port.in.SubmitBookingUseCase;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingChanges;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.user.User;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The booking use cases. Plain Java: wired by the bootstrap module, no framework here. */
public final class BookingService implements SubmitBookingUseCase, GetBookingUseCase, ListBookingsUseCase,
        DecideOnBookingUseCase, RescheduleBookingUseCase, DeleteBookingUseCase, ListBookingsByEventTimeUseCase,
        FindOverlapsUseCase {

    private final BookingRepository bookings;
    private final IdempotencyStore idempotency;
    private final Transactions transactions;
    private final Clock clock;

    public BookingService(BookingRepository bookings, IdempotencyStore idempotency, Transactions transactions,
                          Clock clock) {
        this.bookings = bookings;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Booking submit(SubmitBookingCommand command, User submitter) {
        Booking booking = newBooking(command, submitter);
        return transactions.inTransaction(() -> bookings.insert(booking));
    }

    @Override
    public StoredResponse submitOnce(SubmitBookingCommand command, User submitter, IdempotencyRequest request,
                                     Function<Booking, StoredResponse> render) {
        return transactions.inTransaction(() -> {
            IdempotencyStore.Claim claim = idempotency.claim(submitter.id(), request.key(), request.fingerprint(),
                    clock.instant());
            if (claim instanceof IdempotencyStore.Claim.Completed completed) {
                return completed.response();
            }
            if (claim instanceof IdempotencyStore.Claim.Mismatch) {
                throw new IdempotencyKeyReusedException();
            }
            if (claim instanceof IdempotencyStore.Claim.InProgress) {
                throw new IdempotencyKeyInProgressException();
            }
            // Validated only now: a repeat must replay the stored answer even when its input
            // would fail today's rules (an event time that has since slipped into the past).
            // A failure here rolls the claim back with everything else.
            Booking booking = newBooking(command, submitter);
            StoredResponse response = render.apply(bookings.insert(booking));
            idempotency.complete(submitter.id(), request.key(), response);
            return response;
        });
    }

    @Override
    public Booking get(BookingId id, User reader) {
        return visible(id, reader);
    }

    @Override
    public BookingPage list(BookingQuery query, BookingId after, int limit, User reader) {
        checkLimit(limit);
        // One row more than asked tells whether another page follows, without a count query.
        List<Booking> rows = bookings.list(scope(query, reader), after, limit + 1);
        if (rows.size() <= limit) {
            return new BookingPage(rows, Optional.empty());
        }
        List<Booking> page = rows.subList(0, limit);
        return new BookingPage(page, Optional.of(page.get(limit - 1).id()));
    }

    @Override
    public void forEachBatch(BookingQuery query, int batchSize, User reader, Consumer<List<Booking>> batches) {
        checkLimit(batchSize);
        BookingQuery scoped = scope(query, reader);
        BookingId after = null;
        while (true) {
            List<Booking> batch = bookings.list(scoped, after, batchSize);
            if (batch.isEmpty()) {
                return;
            }
            batches.accept(batch);
            if (batch.size() < batchSize) {
                return;
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    @Override
    public EventTimePage listByEventTime(BookingQuery query, EventTimeKey after, int limit, User reader) {
        checkLimit(limit);
        List<Booking> rows = bookings.listByEventTime(scope(query, reader), after, limit + 1);
        if (rows.size() <= limit) {
            return new EventTimePage(rows, Optional.empty());
        }
        List<Booking> page = rows.subList(0, limit);
        return new EventTimePage(page, Optional.of(EventTimeKey.of(page.get(limit - 1))));
    }

    @Override
    public void forEachBatchByEventTime(BookingQuery query, int batchSize, User reader,
                                        Consumer<List<Booking>> batches) {
        checkLimit(batchSize);
        BookingQuery scoped = scope(query, reader);
        EventTimeKey after = null;
        while (true) {
            List<Booking> batch = bookings.listByEventTime(scoped, after, batchSize);
            if (batch.isEmpty()) {
                return;
            }
            batches.accept(batch);
            if (batch.size() < batchSize) {
                return;
            }
            after = EventTimeKey.of(batch.get(batch.size() - 1));
        }
    }

    @Override
    public List<Booking> overlapping(BookingId id, User admin) {
        if (!admin.isAdmin()) {
            throw new PermissionDeniedException();
        }
        Booking booking = visible(id, admin);
        return booking.slot()
                .map(slot -> bookings.findAcceptedOverlapping(slot).stream()
                        .filter(other -> !other.id().equals(id))
                        .sorted(Comparator.comparingLong(other -> other.id().value()))
                        .toList())
                .orElse(List.of());
    }

    @Override
    public Booking accept(BookingId id, User admin) {
        return change(id, admin, b -> b.accept(admin, clock, bookings::findAcceptedOverlapping));
    }

    @Override
    public Booking reject(BookingId id, User admin) {
        return change(id, admin, b -> b.reject(admin, clock));
    }

    @Override
    public Booking cancel(BookingId id, User actor) {
        return change(id, actor, b -> b.cancel(actor, clock));
    }

    @Override
    public Booking reschedule(BookingId id, RescheduleBookingCommand command, User actor) {
        BookingChanges changes = command.changes(clock);
        return change(id, actor, b -> b.reschedule(actor, changes, clock, bookings::findAcceptedOverlapping));
    }

    @Override
    public Booking delete(BookingId id, User admin) {
        if (!admin.isAdmin()) {
            throw new PermissionDeniedException();
        }
        return transactions.inTransaction(() -> bookings.delete(id)
                .orElseThrow(() -> NotFoundException.booking(id.value())));
    }

    private Booking newBooking(SubmitBookingCommand command, User submitter) {
        return Booking.submit(command.details(clock), submitter, clock);
    }

    /**
     * Reads, applies a domain decision and stores the result in one transaction. A decision
     * that changes nothing (a repeat) is not written at all.
     */
    private Booking change(BookingId id, User actor, UnaryOperator<Booking> decision) {
        return transactions.inTransaction(() -> {
            Booking current = visible(id, actor);
            Booking next = decision.apply(current);
            return next.equals(current) ? current : bookings.update(next);
        });
    }

    /** Others' bookings are "not found" to a requester, so ids cannot be probed. */
    private Booking visible(BookingId id, User reader) {
        return bookings.findById(id)
                .filter(b -> b.isVisibleTo(reader))
                .orElseThrow(() -> NotFoundException.booking(id.value()));
    }

    private static void checkLimit(int limit) {
        BookingQuery.limitViolation(limit).ifPresent(violation -> {
            throw ValidationException.of("limit", violation);
        });
    }

    private static BookingQuery scope(BookingQuery query, User reader) {
        return reader.isAdmin() ? query : query.ownedBy(reader.id());
    }
}
