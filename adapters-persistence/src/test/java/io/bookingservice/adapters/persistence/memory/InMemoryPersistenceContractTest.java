package io.bookingservice.adapters.persistence.memory;

import io.bookingservice.application.port.out.contract.PersistenceContract;
import io.bookingservice.application.port.out.contract.PersistencePorts;

/** Every port contract on the in-memory adapter: a fresh store for each test. */
class InMemoryPersistenceContractTest extends PersistenceContract {

    @Override
    protected PersistencePorts ports() {
        InMemoryTransactions transactions = new InMemoryTransactions();
        InMemoryUserRepository users = new InMemoryUserRepository(transactions);
        return new PersistencePorts(new InMemoryBookingRepository(transactions), users,
                new InMemoryIdempotencyStore(transactions), new InMemorySessionRepository(transactions, users),
                transactions);
    }
}
