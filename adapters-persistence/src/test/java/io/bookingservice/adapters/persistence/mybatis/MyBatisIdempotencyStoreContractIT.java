package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.port.out.contract.IdempotencyStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The idempotency port contract on PostgreSQL: one migrated database for the class. */
class MyBatisIdempotencyStoreContractIT extends IdempotencyStoreContract {

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
    protected IdempotencyStore idempotencyStore() {
        return db.persistence.idempotencyStore();
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
