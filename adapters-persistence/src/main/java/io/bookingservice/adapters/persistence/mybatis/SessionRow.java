package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.SessionEnd;
import io.bookingservice.domain.user.SessionId;
import io.bookingservice.domain.user.UserId;
import java.time.Instant;

/** One {@code user_sessions} row; the id as text, as the mapper casts it. */
record SessionRow(String id, long userId, Instant createdAt, Instant lastUsedAt, Instant endedAt, String endReason,
                  String clientAddress, String userAgent) {

    static SessionRow fromDomain(Session session) {
        return new SessionRow(session.id().toString(), session.userId().value(), session.createdAt(),
                session.lastUsedAt(), session.endedAt(), session.endReason() == null ? null : session.endReason().code(),
                session.clientAddress(), session.userAgent());
    }

    Session toDomain() {
        return new Session(SessionId.parse(id), new UserId(userId), createdAt, lastUsedAt, endedAt,
                endReason == null ? null : SessionEnd.fromCode(endReason), clientAddress, userAgent);
    }
}
