package io.bookingservice.adapters.web.security;

import java.util.Objects;

/**
 * The {@link JwtKeys} in force, shared by the {@link Ed25519JwtSigner} and the
 * {@link Ed25519JwtDecoder} and replaced as a whole when the keys are re-read after a rotation.
 *
 * <p>A volatile reference to an immutable {@link JwtKeys}: the request path reads it without a
 * lock, and a token is always checked against one consistent set (never a new current key with
 * a stale previous one).
 */
public final class JwtKeyHolder {

    private volatile JwtKeys keys;

    public JwtKeyHolder(JwtKeys initial) {
        this.keys = Objects.requireNonNull(initial, "initial");
    }

    /** The keys to sign and verify with now. */
    public JwtKeys current() {
        return keys;
    }

    /**
     * Puts {@code next} in force for every later {@link #current()}.
     *
     * @return whether the keys changed (another current or previous key)
     */
    public boolean replace(JwtKeys next) {
        Objects.requireNonNull(next, "next");
        JwtKeys before = keys;
        keys = next;
        return !before.equals(next);
    }

    @Override
    public String toString() {
        return "JwtKeyHolder[" + keys + "]";
    }
}
