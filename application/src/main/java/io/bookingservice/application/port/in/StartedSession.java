package io.bookingservice.application.port.in;

import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.User;
import java.util.Objects;

/**
 * A session that was just started or refreshed, with the account it belongs to and the refresh
 * token to hand to the client: the only time its value exists outside the client.
 */
public record StartedSession(Session session, User user, String refreshToken) {

    public StartedSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "StartedSession[session=" + session.id() + ", user=" + user.username() + ", refreshToken=redacted]";
    }
}
