package io.bookingservice.domain.user;

import java.util.Objects;

/**
 * A stored password hash in its self-describing form ({@code $2b$…}, {@code $argon2id$…}).
 * Opaque to the domain, which never hashes; {@link #toString()} never reveals it.
 */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a password hash is never blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
