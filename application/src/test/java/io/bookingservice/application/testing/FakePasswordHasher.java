package io.bookingservice.application.testing;

import io.bookingservice.application.port.out.PasswordHasher;
import io.bookingservice.domain.user.PasswordHash;

/**
 * A fast, obviously insecure hasher for tests: {@code fake$<password>}. Hashes starting
 * with {@code legacy$} verify too but need a re-hash, like a legacy bcrypt hash.
 */
public class FakePasswordHasher implements PasswordHasher {

    public static final String PREFIX = "fake$";
    public static final String LEGACY_PREFIX = "legacy$";

    @Override
    public PasswordHash hash(String rawPassword) {
        return new PasswordHash(PREFIX + rawPassword);
    }

    @Override
    public boolean verify(String rawPassword, PasswordHash hash) {
        return hash.value().equals(PREFIX + rawPassword) || hash.value().equals(LEGACY_PREFIX + rawPassword);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !hash.value().startsWith(PREFIX);
    }

    public static PasswordHash legacyHashOf(String rawPassword) {
        return new PasswordHash(LEGACY_PREFIX + rawPassword);
    }
}
