package io.bookingservice.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
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
            return false;
        }
    }

    private final ManualTime time = new ManualTime();
    // 5 per (user, address) per 15 minutes, 20 per address per minute.
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleSettings(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(1), 1000), time);

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
    void idleEntriesAreDroppedOnceTheyWouldBeFullAgain() {
        fail(3, "admin", "203.0.113.7");
        fail(1, "other", "198.51.100.20");
        assertThat(throttle.trackedEntries()).isEqualTo(4);

        time.advance(Duration.ofMinutes(15));
        throttle.tryAcquire("fresh", "192.0.2.1");

        assertThat(throttle.trackedEntries()).isEqualTo(2);
        fail(5, "admin", "203.0.113.7");
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfNewKeys() {
        LoginThrottle small = new LoginThrottle(
                new LoginThrottleSettings(5, Duration.ofMinutes(15), 1000, Duration.ofMinutes(1), 100), time);

        for (int i = 0; i < 5000; i++) {
            small.tryAcquire("user" + i, "10.0." + (i / 250) + "." + (i % 250));
        }

        assertThat(small.trackedEntries()).isLessThanOrEqualTo(200);
    }

    @Test
    void hugeUsernamesShareOneBucket() {
        String prefix = "x".repeat(200);
        fail(5, prefix + "a", "203.0.113.7");

        assertThat(throttle.tryAcquire(prefix + "b", "203.0.113.7").allowed()).isFalse();
    }
}
