package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.port.out.contract.SessionRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The session port contract on PostgreSQL: one migrated database for the class. */
class MyBatisSessionRepositoryContractIT extends SessionRepositoryContract {

    private static PostgresFixture db;

    @BeforeAll
    static void startDatabase() {
        db = PostgresFixture.migrated();
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @Override
    protected SessionRepository sessions() {
        return db.persistence.sessions();
    }

    @Override
    protected UserRepository users() {
        return db.persistence.users();
    }

    @Override
    protected Transactions transactions() {
        return db.persistence.transactions();
    }
}
