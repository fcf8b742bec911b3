package io.bookingservice.adapters.web.security;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of {@code PUT /users/me/password} in {@link LoginThrottle}. Each change verifies the
 * current password and hashes the new one (two argon2 calls), so it is throttled like a login:
 * token buckets per account and per client address (shared by every instance when the store is
 * PostgreSQL), and, per instance, at most {@code concurrentPerKey} changes running or waiting for
 * the hashing gate per account and per client address, so one requester never holds more than
 * half of the hashing capacity and logins from elsewhere keep their share.
 *
 * @param attemptsPerAccount burst of changes for one account, from anywhere
 * @param accountPeriod      time to earn that burst back
 * @param attemptsPerAddress burst of changes from one client address, any accounts
 * @param addressPeriod      time to earn that burst back
 * @param concurrentPerKey   changes running or queued at once per account and per address
 */
public record PasswordChangeSettings(int attemptsPerAccount, Duration accountPeriod, int attemptsPerAddress,
        Duration addressPeriod, int concurrentPerKey) {

    public PasswordChangeSettings {
        Objects.requireNonNull(accountPeriod, "accountPeriod");
        Objects.requireNonNull(addressPeriod, "addressPeriod");
        if (attemptsPerAccount < 1 || attemptsPerAddress < 1 || concurrentPerKey < 1) {
            throw new IllegalArgumentException("attempts and concurrentPerKey must be at least 1");
        }
        if (accountPeriod.isNegative() || accountPeriod.isZero() || addressPeriod.isNegative() || addressPeriod.isZero()) {
            throw new IllegalArgumentException("periods must be positive");
        }
    }

    /**
     * 5 changes per 15 minutes per account, 20 per 15 minutes per address, and at most
     * {@code max(1, hashingPermits / 2)} at once per account and per address.
     *
     * @param hashingPermits the hashing gate's permits (see {@link BoundedHashing})
     */
    public static PasswordChangeSettings defaults(int hashingPermits) {
        return new PasswordChangeSettings(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(15),
                Math.max(1, hashingPermits / 2));
    }
}
