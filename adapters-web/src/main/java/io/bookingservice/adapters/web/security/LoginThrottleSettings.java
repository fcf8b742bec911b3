package io.bookingservice.adapters.web.security;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of {@link LoginThrottle}. Each limit is a token bucket refilled greedily: after the burst
 * is spent, one more attempt becomes available every {@code period / attempts}, and the bucket is
 * full again {@code period} after the last attempt.
 *
 * @param attemptsPerUserAndAddress burst of attempts for one username from one client address
 * @param userAndAddressPeriod      time to earn that burst back
 * @param attemptsPerAddress        burst of attempts from one client address, any usernames
 * @param addressPeriod             time to earn that burst back
 * @param maxTrackedEntries         bound on remembered buckets (per kind); the least recently used
 *                                  go first when it is reached
 */
public record LoginThrottleSettings(int attemptsPerUserAndAddress, Duration userAndAddressPeriod,
        int attemptsPerAddress, Duration addressPeriod, int maxTrackedEntries) {

    /** 5 attempts per 15 minutes per (username, address); 30 per 5 minutes per address; 100 000 entries. */
    public static final LoginThrottleSettings DEFAULT =
            new LoginThrottleSettings(5, Duration.ofMinutes(15), 30, Duration.ofMinutes(5), 100_000);

    public LoginThrottleSettings {
        Objects.requireNonNull(userAndAddressPeriod, "userAndAddressPeriod");
        Objects.requireNonNull(addressPeriod, "addressPeriod");
        if (attemptsPerUserAndAddress < 1 || attemptsPerAddress < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (userAndAddressPeriod.isNegative() || userAndAddressPeriod.isZero()
                || addressPeriod.isNegative() || addressPeriod.isZero()) {
            throw new IllegalArgumentException("periods must be positive");
        }
        if (maxTrackedEntries < 1) {
            throw new IllegalArgumentException("maxTrackedEntries must be at least 1");
        }
    }
}
