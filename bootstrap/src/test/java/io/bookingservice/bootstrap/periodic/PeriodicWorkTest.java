package io.bookingservice.bootstrap.periodic;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.testing.FakeIdempotencyStore;
import io.bookingservice.application.testing.TestClock;
import io.bookingservice.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicWorkTest {

    @Test
    void aFailedRunIsLoggedAndTheTaskRunsAgain() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(3);
        PeriodicWork.Task flaky = new PeriodicWork.Task("flaky", Duration.ofMillis(5), () -> {
            thirdRun.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database unavailable");
            }
            return 1;
        });

        PeriodicWork work = new PeriodicWork(List.of(flaky));
        try {
            assertThat(thirdRun.await(30, TimeUnit.SECONDS)).as("runs after a failure").isTrue();
        } finally {
            work.close();
        }
        int afterClose = runs.get();
        Thread.sleep(50);
        assertThat(runs.get()).as("closing stops the scheduler").isEqualTo(afterClose);
    }

    @Test
    void theIdempotencyPurgeForgetsKeysOlderThanADay() {
        TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
        FakeIdempotencyStore store = new FakeIdempotencyStore();
        UserId user = new UserId(1);
        store.claim(user, "old", "f", clock.instant());
        store.complete(user, "old", new StoredResponse(201, "{}"));
        clock.advance(Duration.ofHours(23));
        store.claim(user, "recent", "f", clock.instant());
        clock.advance(Duration.ofHours(2));

        IdempotencyPurge purge = new IdempotencyPurge(store, clock);

        assertThat(purge.run()).isEqualTo(1);
        assertThat(purge.run()).as("idempotent").isZero();
        assertThat(purge.task().period()).isEqualTo(Duration.ofHours(1));
    }
}
