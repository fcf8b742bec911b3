package io.bookingservice.application.model;

import io.bookingservice.domain.user.Session;
import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token found by its hash, with its session.
 *
 * @param usedAt when it was exchanged for a new one; {@code null} while it is the session's current token
 */
public record StoredRefreshToken(RefreshTokenHash hash, Session session, Instant issuedAt, Instant usedAt) {

    public StoredRefreshToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public boolean used() {
        return usedAt != null;
    }
}
