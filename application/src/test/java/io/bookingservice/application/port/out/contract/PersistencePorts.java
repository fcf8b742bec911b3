package io.bookingservice.application.port.out.contract;

import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import java.util.Objects;

/**
 * The persistence ports one adapter provides, over one store: what {@link PersistenceContract}
 * checks. Every port shares the same {@link Transactions}, and the users are the ones the
 * bookings, keys and sessions point at.
 */
public record PersistencePorts(BookingRepository bookings, UserRepository users, IdempotencyStore idempotencyStore,
                               SessionRepository sessions, Transactions transactions) {

    public PersistencePorts {
        Objects.requireNonNull(bookings, "bookings");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(idempotencyStore, "idempotencyStore");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(transactions, "transactions");
    }
}
