package io.bookingservice.adapters.persistence.memory;

import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.port.out.contract.IdempotencyStoreContract;

class InMemoryIdempotencyStoreContractTest extends IdempotencyStoreContract {

    private InMemoryTransactions transactions;
    private InMemoryIdempotencyStore keys;
    private InMemoryUserRepository users;

    @Override
    protected void resetState() {
        transactions = new InMemoryTransactions();
        keys = new InMemoryIdempotencyStore(transactions);
        users = new InMemoryUserRepository(transactions);
    }

    @Override
    protected IdempotencyStore idempotencyStore() {
        return keys;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
