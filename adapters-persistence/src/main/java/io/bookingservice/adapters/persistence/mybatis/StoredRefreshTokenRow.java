package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.application.model.RefreshTokenHash;
import io.bookingservice.application.model.StoredRefreshToken;
import java.time.Instant;

/** A {@code refresh_tokens} row joined with its session's row; the hash in hex. */
record StoredRefreshTokenRow(String tokenHash, Instant issuedAt, Instant usedAt, String id, long userId,
                             Instant createdAt, Instant lastUsedAt, Instant endedAt, String endReason,
                             String clientAddress, String userAgent) {

    StoredRefreshToken toDomain() {
        SessionRow session = new SessionRow(id, userId, createdAt, lastUsedAt, endedAt, endReason, clientAddress,
                userAgent);
        return new StoredRefreshToken(new RefreshTokenHash(tokenHash), session.toDomain(), issuedAt, usedAt);
    }
}
