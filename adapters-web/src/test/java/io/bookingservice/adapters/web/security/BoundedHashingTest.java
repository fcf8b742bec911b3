package io.bookingservice.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.domain.user.PasswordHash;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedHashingTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopCallers() throws InterruptedException {
        callers.shutdownNow();
        assertThat(callers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 5 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void whenEveryPermitIsBusyAndTheLineIsFullTheNextCallFailsAtOnce() throws Exception {
        BoundedHashing gate = new BoundedHashing(1, 1, Duration.ofSeconds(2));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);

        Future<String> first = callers.submit(() -> gate.run(() -> {
            running.countDown();
            awaitUninterruptibly(release);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        Future<String> second = callers.submit(() -> gate.run(() -> "second"));
        awaitCondition(() -> gate.waiting() == 1);

        assertThatThrownBy(() -> gate.run(() -> "third"))
                .isInstanceOfSatisfying(HashingSaturatedException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(2));

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.run(() -> "after the flood")).isEqualTo("after the flood");
    }

    @Test
    void aFailingCallGivesItsPermitBack() {
        BoundedHashing gate = new BoundedHashing(1, 0, Duration.ofSeconds(1));

        assertThatThrownBy(() -> gate.run(() -> {
            throw new IllegalArgumentException("corrupt hash");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(gate.inFlight()).isZero();
        assertThat(gate.run(() -> 42)).isEqualTo(42);
    }

    @Test
    void theBoundedPasswordHasherRefusesWhileSaturated() throws Exception {
        BoundedHashing gate = new BoundedHashing(1, 0, Duration.ofSeconds(1));
        BoundedPasswordHasher hasher = new BoundedPasswordHasher(new Argon2idPasswordHasher(), gate);
        PasswordHash hash = hasher.hash("secret-password");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Future<Boolean> occupying = callers.submit(() -> gate.run(() -> {
            running.countDown();
            awaitUninterruptibly(release);
            return true;
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> hasher.verify("secret-password", hash)).isInstanceOf(HashingSaturatedException.class);
        assertThat(hasher.needsRehash(hash)).isFalse();

        release.countDown();
        assertThat(occupying.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(hasher.verify("secret-password", hash)).isTrue();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
