package io.bookingservice.adapters.web.security;

import java.util.Objects;

/**
 * {@link Argon2idPasswordHasher} behind a {@link BoundedHashing} gate: what request threads
 * should use. {@link #hash} and {@link #verify} may throw {@link HashingSaturatedException};
 * {@link #needsRehash} only parses a string and is not gated.
 */
public final class BoundedPasswordHasher {

    private final Argon2idPasswordHasher hasher;
    private final BoundedHashing gate;

    public BoundedPasswordHasher(Argon2idPasswordHasher hasher, BoundedHashing gate) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** See {@link Argon2idPasswordHasher#hash}. */
    public String hash(String raw) {
        return gate.run(() -> hasher.hash(raw));
    }

    /** See {@link Argon2idPasswordHasher#verify}. */
    public boolean verify(String raw, String encodedHash) {
        return gate.run(() -> hasher.verify(raw, encodedHash));
    }

    /** See {@link Argon2idPasswordHasher#needsRehash}. */
    public boolean needsRehash(String encodedHash) {
        return hasher.needsRehash(encodedHash);
    }
}
