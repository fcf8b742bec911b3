package io.bookingservice.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualTime implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            // Bucket4j's stores refuse other clocks; this one stands in for the wall clock.
            return true;
        }
    }

    /** 5 per (user, address) per 15 minutes, 20 per address per minute. */
    private static final LoginThrottleSettings SETTINGS =
            new LoginThrottleSettings(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(1), 1000);

    private final ManualTime time = new ManualTime();
    private final LoginThrottle throttle = new LoginThrottle(SETTINGS,
            new PasswordChangeSettings(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(15), 1),
            ThrottleStores.inMemory(2000, time), time);

    private void fail(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.tryAcquire(username, address).allowed()).as("attempt %d", i + 1).isTrue();
        }
    }

    @Test
    void failuresLockTheUserAtThatAddressButNotFromAnotherAddress() {
        fail(5, "admin", "203.0.113.7");

        LoginThrottle.Decision attacker = throttle.tryAcquire("admin", "203.0.113.7");
        assertThat(attacker.allowed()).isFalse();
        assertThat(attacker.retryAfter()).isEqualTo(Duration.ofMinutes(3));
        assertThat(attacker.retryAfterSeconds()).isEqualTo(180);

        assertThat(throttle.tryAcquire("admin", "198.51.100.20").allowed()).isTrue();
        assertThat(throttle.tryAcquire("speaker.office", "203.0.113.7").allowed()).isTrue();
    }

    @Test
    void anIpv6SubscriberCountsAsOneAddressAcrossItsSlash64() {
        for (int i = 1; i <= 5; i++) {
            throttle.tryAcquire("admin", "2001:db8:1:2::" + Integer.toHexString(i));
        }

        assertThat(throttle.tryAcquire("admin", "2001:db8:1:2:ffff:ffff:ffff:ffff").allowed())
                .as("a fresh address in the same /64").isFalse();
        assertThat(throttle.tryAcquire("admin", "2001:db8:1:3::1").allowed())
                .as("the neighbouring /64").isTrue();
    }

    @Test
    void theLockExpiresAfterTheRetryAfterTime() {
        fail(5, "admin", "203.0.113.7");
        Duration retryAfter = throttle.tryAcquire("admin", "203.0.113.7").retryAfter();

        time.advance(retryAfter.minusSeconds(1));
        assertThat(throttle.tryAcquire("admin", "203.0.113.7").allowed()).isFalse();

        time.advance(Duration.ofSeconds(1));
        assertThat(throttle.tryAcquire("admin", "203.0.113.7").allowed()).isTrue();
        assertThat(throttle.tryAcquire("admin", "203.0.113.7").allowed()).as("one attempt earned back, not five").isFalse();

        time.advance(Duration.ofMinutes(15));
        fail(5, "admin", "203.0.113.7");
    }

    @Test
    void thePerAddressLimitSpansUsernames() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.tryAcquire("user" + i, "203.0.113.7").allowed()).isTrue();
        }

        LoginThrottle.Decision next = throttle.tryAcquire("someone-new", "203.0.113.7");
        assertThat(next.allowed()).isFalse();
        assertThat(next.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(throttle.tryAcquire("someone-new", "198.51.100.20").allowed()).isTrue();

        time.advance(Duration.ofSeconds(3));
        assertThat(throttle.tryAcquire("someone-new", "203.0.113.7").allowed()).isTrue();
    }

    @Test
    void aSuccessfulLoginForgetsThePairsFailures() {
        fail(4, "admin", "203.0.113.7");
        throttle.recordSuccess("admin", "203.0.113.7");

        fail(5, "admin", "203.0.113.7");
        assertThat(throttle.tryAcquire("admin", "203.0.113.7").allowed()).isFalse();
    }

    @Test
    void bucketsLeaveTheStoreOnceTheyWouldBeFullAgain() {
        CaffeineProxyManager<String> store = ThrottleStores.inMemory(1000, time);
        LoginThrottle throttle = new LoginThrottle(SETTINGS, PasswordChangeSettings.defaults(2), store, time);
        for (int i = 0; i < 3; i++) {
            throttle.tryAcquire("admin", "203.0.113.7");
        }
        throttle.tryAcquire("other", "198.51.100.20");
        store.getCache().cleanUp();
        assertThat(store.getCache().estimatedSize()).as("two addresses, two pairs").isEqualTo(4);

        time.advance(Duration.ofMinutes(15));
        store.getCache().cleanUp();

        assertThat(store.getCache().estimatedSize()).isZero();
        fail(5, "admin", "203.0.113.7");
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfNewKeys() {
        CaffeineProxyManager<String> store = ThrottleStores.inMemory(200, time);
        LoginThrottle small = new LoginThrottle(
                new LoginThrottleSettings(5, Duration.ofMinutes(15), 1000, Duration.ofMinutes(1), 100),
                PasswordChangeSettings.defaults(2), store, time);

        for (int i = 0; i < 5000; i++) {
            small.tryAcquire("user" + i, "10.0." + (i / 250) + "." + (i % 250));
        }
        store.getCache().cleanUp();

        assertThat(store.getCache().estimatedSize()).isLessThanOrEqualTo(200);
    }

    @Test
    void thousandsOfFailuresAtAdminFromOneAddressNeverRefuseAdminFromAnother() {
        for (int i = 0; i < 1000; i++) {
            throttle.tryAcquire("admin", "203.0.113.7");
        }

        assertThat(throttle.tryAcquire("admin", "203.0.113.7").allowed()).isFalse();
        assertThat(throttle.tryAcquire("admin", "198.51.100.20").allowed()).isTrue();
    }

    @Test
    void aKeyKnownToBeEmptyIsRefusedWithoutAskingTheStore() {
        CountingStore store = new CountingStore(ThrottleStores.inMemory(1000, time));
        LoginThrottle counted = new LoginThrottle(SETTINGS, PasswordChangeSettings.defaults(2), store, time);
        for (int i = 0; i < 20; i++) {
            counted.tryAcquire("user" + i, "203.0.113.7");
        }
        assertThat(counted.tryAcquire("someone", "203.0.113.7").allowed()).isFalse();
        int callsWhenEmpty = store.calls.get();

        for (int i = 0; i < 1000; i++) {
            assertThat(counted.tryAcquire("admin", "203.0.113.7").allowed()).isFalse();
        }

        assertThat(store.calls.get()).isEqualTo(callsWhenEmpty);
        time.advance(Duration.ofSeconds(3));
        assertThat(counted.tryAcquire("admin", "203.0.113.7").allowed()).as("refilled").isTrue();
    }

    @Test
    void aStoreThatFailsRefusesTheAttempt() {
        LoginThrottle broken = new LoginThrottle(SETTINGS, PasswordChangeSettings.defaults(2), new CountingStore(null), time);

        assertThatThrownBy(() -> broken.tryAcquire("admin", "203.0.113.7"))
                .isInstanceOf(ThrottleUnavailableException.class);
        assertThatThrownBy(() -> broken.startPasswordChange("7", "203.0.113.7"))
                .isInstanceOf(ThrottleUnavailableException.class);
        assertThat(broken.passwordChangesInFlight()).as("a refused change keeps no place").isZero();
    }

    @Test
    void oneAccountAndOneAddressRunAtMostTheirShareOfPasswordChangesAtOnce() {
        LoginThrottle capped = new LoginThrottle(SETTINGS,
                new PasswordChangeSettings(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(15), 1),
                ThrottleStores.inMemory(1000, time), time);

        try (LoginThrottle.PasswordChange running = capped.startPasswordChange("7", "203.0.113.7")) {
            assertThat(running.decision().allowed()).isTrue();
            LoginThrottle.PasswordChange sameAccount = capped.startPasswordChange("7", "198.51.100.20");
            assertThat(sameAccount.decision().allowed()).isFalse();
            assertThat(sameAccount.decision().retryAfterSeconds()).isEqualTo(1);
            assertThat(capped.startPasswordChange("8", "203.0.113.7").decision().allowed()).as("same address").isFalse();
            try (LoginThrottle.PasswordChange elsewhere = capped.startPasswordChange("8", "198.51.100.20")) {
                assertThat(elsewhere.decision().allowed()).isTrue();
            }
        }

        try (LoginThrottle.PasswordChange next = capped.startPasswordChange("7", "198.51.100.20")) {
            assertThat(next.decision().allowed()).as("the place was freed").isTrue();
        }
        assertThat(capped.passwordChangesInFlight()).isZero();
    }

    @Test
    void passwordChangesArePacedPerAccountFromAnyAddressAndPerAddress() {
        for (int i = 0; i < 5; i++) {
            try (LoginThrottle.PasswordChange change = throttle.startPasswordChange("7", "203.0.113." + i)) {
                assertThat(change.decision().allowed()).as("change %d", i + 1).isTrue();
            }
        }
        LoginThrottle.PasswordChange sixth = throttle.startPasswordChange("7", "198.51.100.20");
        assertThat(sixth.decision().allowed()).isFalse();
        assertThat(sixth.decision().retryAfter()).isEqualTo(Duration.ofMinutes(3));

        for (int i = 0; i < 20; i++) {
            throttle.startPasswordChange("account" + i, "192.0.2.1").close();
        }
        assertThat(throttle.startPasswordChange("someone", "192.0.2.1").decision().allowed()).isFalse();
        assertThat(throttle.startPasswordChange("someone", "192.0.2.2").decision().allowed()).isTrue();
    }

    /** The in-memory store behind a counter of round trips; {@code null}: every call fails as a dead database would. */
    private static final class CountingStore implements ProxyManager<String> {
        final AtomicInteger calls = new AtomicInteger();
        private final ProxyManager<String> delegate;

        CountingStore(ProxyManager<String> delegate) {
            this.delegate = delegate;
        }

        @Override
        public RemoteBucketBuilder<String> builder() {
            calls.incrementAndGet();
            if (delegate == null) {
                throw BucketExceptions.executionException(new SQLException("connection refused", "08001"));
            }
            return delegate.builder();
        }

        @Override
        public Optional<BucketConfiguration> getProxyConfiguration(String key) {
            return delegate.getProxyConfiguration(key);
        }

        @Override
        public void removeProxy(String key) {
            delegate.removeProxy(key);
        }

        @Override
        public boolean isAsyncModeSupported() {
            return false;
        }

        @Override
        public AsyncProxyManager<String> asAsync() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void overASharedStoreABurstOnOnePairMakesOnlyTheRoundTripsItsLimitsAllow() {
        CountingStore store = new CountingStore(ThrottleStores.inMemory(1000, time));
        LoginThrottle shared = LoginThrottle.shared(SETTINGS, PasswordChangeSettings.defaults(2), store, time);

        int allowed = 0;
        for (int i = 0; i < 1000; i++) {
            if (shared.tryAcquire("admin", "203.0.113.7").allowed()) {
                allowed++;
            }
        }

        assertThat(allowed).isEqualTo(5);
        assertThat(store.calls.get()).as("address and pair, for the five allowed attempts only").isEqualTo(10);
        assertThat(shared.tryAcquire("admin", "198.51.100.20").allowed()).as("another address").isTrue();
    }

    @Test
    void overASharedStoreWhatOtherInstancesSpentStillCounts() {
        ProxyManager<String> fleet = ThrottleStores.inMemory(1000, time);
        LoginThrottle first = LoginThrottle.shared(SETTINGS, PasswordChangeSettings.defaults(2), fleet, time);
        LoginThrottle second = LoginThrottle.shared(SETTINGS, PasswordChangeSettings.defaults(2), fleet, time);
        for (int i = 0; i < 5; i++) {
            assertThat((i % 2 == 0 ? first : second).tryAcquire("admin", "203.0.113.7").allowed()).isTrue();
        }

        assertThat(first.tryAcquire("admin", "203.0.113.7").allowed()).isFalse();
        assertThat(second.tryAcquire("admin", "203.0.113.7").allowed()).isFalse();
        first.recordSuccess("admin", "203.0.113.7");
        assertThat(first.tryAcquire("admin", "203.0.113.7").allowed()).as("a success forgets the pair").isTrue();
    }

    @Test
    void hugeUsernamesShareOneBucket() {
        String prefix = "x".repeat(200);
        fail(5, prefix + "a", "203.0.113.7");

        assertThat(throttle.tryAcquire(prefix + "b", "203.0.113.7").allowed()).isFalse();
    }
}
