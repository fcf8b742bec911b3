package io.bookingservice.application.testing;

import io.bookingservice.application.port.out.contract.PersistenceContract;
import io.bookingservice.application.port.out.contract.PersistencePorts;

/**
 * The fakes that application and web tests use keep the ports' promises too: the same contracts
 * as the adapters, except two promises the fakes do not make (tests that need them run
 * against the adapters): rollback of a failed unit of work ({@link SerialTransactions} only
 * serialises) and the store's own overlap refusal ({@link FakeBookingRepository} leaves the
 * rule to the domain, so service tests exercise the domain's check).
 */
class FakePersistenceContractTest extends PersistenceContract {

    @Override
    protected PersistencePorts ports() {
        FakeUserRepository users = new FakeUserRepository();
        return new PersistencePorts(new FakeBookingRepository(), users, new FakeIdempotencyStore(),
                new FakeSessionRepository(users), new SerialTransactions());
    }

    @Override
    protected boolean undoesFailedUnitsOfWork() {
        return false;
    }

    @Override
    protected boolean refusesOverlaps() {
        return false;
    }
}
