package io.bookingservice.adapters.persistence.memory;

import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.port.out.contract.SessionRepositoryContract;

class InMemorySessionRepositoryContractTest extends SessionRepositoryContract {

    private InMemoryTransactions transactions;
    private InMemoryUserRepository users;
    private InMemorySessionRepository sessions;

    @Override
    protected void resetState() {
        transactions = new InMemoryTransactions();
        users = new InMemoryUserRepository(transactions);
        sessions = new InMemorySessionRepository(transactions, users);
    }

    @Override
    protected SessionRepository sessions() {
        return sessions;
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
