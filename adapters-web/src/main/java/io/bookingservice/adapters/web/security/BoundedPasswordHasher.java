package io.bookingservice.adapters.web.security;

import io.bookingservice.application.port.out.PasswordHasher;
import io.bookingservice.domain.user.PasswordHash;
import java.util.Objects;

/**
 * The application's {@link PasswordHasher}: {@link Argon2idPasswordHasher} behind a
 * {@link BoundedHashing} gate, so a login flood cannot starve booking requests.
 * {@link #hash} and {@link #verify} may throw {@link HashingSaturatedException};
 * {@link #needsRehash} only parses a string and is not gated.
 */
public final class BoundedPasswordHasher implements PasswordHasher {

    private final Argon2idPasswordHasher hasher;
    private final BoundedHashing gate;

    public BoundedPasswordHasher(Argon2idPasswordHasher hasher, BoundedHashing gate) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** See {@link Argon2idPasswordHasher#hash}. */
    @Override
    public PasswordHash hash(String raw) {
        return new PasswordHash(gate.run(() -> hasher.hash(raw)));
    }

    /** See {@link Argon2idPasswordHasher#verify}. */
    @Override
    public boolean verify(String raw, PasswordHash hash) {
        return gate.run(() -> hasher.verify(raw, hash.value()));
    }

    /** See {@link Argon2idPasswordHasher#needsRehash}. */
    @Override
    public boolean needsRehash(PasswordHash hash) {
        return hasher.needsRehash(hash.value());
    }
}
