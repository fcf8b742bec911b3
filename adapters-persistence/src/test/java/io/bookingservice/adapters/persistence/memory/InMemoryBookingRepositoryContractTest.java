package io.bookingservice.adapters.persistence.memory;

import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.port.out.contract.BookingRepositoryContract;

class InMemoryBookingRepositoryContractTest extends BookingRepositoryContract {

    private InMemoryTransactions transactions;
    private InMemoryBookingRepository bookings;
    private InMemoryUserRepository users;

    @Override
    protected void resetState() {
        transactions = new InMemoryTransactions();
        bookings = new InMemoryBookingRepository(transactions);
        users = new InMemoryUserRepository(transactions);
    }

    @Override
    protected BookingRepository bookings() {
        return bookings;
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
