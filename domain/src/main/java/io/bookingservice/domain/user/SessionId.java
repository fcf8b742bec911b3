package io.bookingservice.domain.user;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a sign-in session: random, so that it can be shown to its owner and carried in
 * access tokens without telling anyone how many sessions exist.
 */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a UUID in its canonical form
     */
    public static SessionId parse(String text) {
        Objects.requireNonNull(text, "text");
        UUID parsed = UUID.fromString(text);
        // UUID.fromString accepts shortened groups ("1-1-1-1-1"); only the canonical form names a session.
        if (!parsed.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return new SessionId(parsed);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
