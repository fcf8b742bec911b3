package io.bookingservice.application.testing;

import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.port.out.contract.SessionRepositoryContract;

/** The fake that web tests use keeps the port's promises too. */
class FakeSessionRepositoryContractTest extends SessionRepositoryContract {

    private FakeUserRepository users;
    private FakeSessionRepository sessions;
    private SerialTransactions transactions;

    @Override
    protected void resetState() {
        users = new FakeUserRepository();
        sessions = new FakeSessionRepository(users);
        transactions = new SerialTransactions();
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
