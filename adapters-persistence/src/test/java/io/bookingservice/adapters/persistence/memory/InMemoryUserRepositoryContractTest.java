package io.bookingservice.adapters.persistence.memory;

import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.port.out.contract.UserRepositoryContract;

class InMemoryUserRepositoryContractTest extends UserRepositoryContract {

    private InMemoryTransactions transactions;
    private InMemoryUserRepository users;

    @Override
    protected void resetState() {
        transactions = new InMemoryTransactions();
        users = new InMemoryUserRepository(transactions);
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
