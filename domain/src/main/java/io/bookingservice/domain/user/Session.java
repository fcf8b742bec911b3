package io.bookingservice.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in session: what one password login started, kept alive by refreshing its access token.
 * It lives until it is ended (sign-out, password change, disabling, reuse of a refresh token) or
 * expires, whichever comes first: after {@code idle} without a refresh, or {@code max} after it
 * started.
 *
 * @param endedAt       {@code null} while not ended
 * @param endReason     {@code null} while not ended
 * @param clientAddress the address it was last used from, as the web adapter saw it; may be {@code null}
 * @param userAgent     the last {@code User-Agent}, cut to {@link #MAX_USER_AGENT} characters; may be {@code null}
 */
public record Session(SessionId id, UserId userId, Instant createdAt, Instant lastUsedAt, Instant endedAt,
                      SessionEnd endReason, String clientAddress, String userAgent) {

    public static final int MAX_USER_AGENT = 256;
    public static final int MAX_CLIENT_ADDRESS = 64;

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        if ((endedAt == null) != (endReason == null)) {
            throw new IllegalArgumentException("a session ends with a time and a reason, or not at all");
        }
        clientAddress = cut(clientAddress, MAX_CLIENT_ADDRESS);
        userAgent = cut(userAgent, MAX_USER_AGENT);
    }

    /** A session starting now for {@code user}. */
    public static Session start(SessionId id, UserId user, Instant now, String clientAddress, String userAgent) {
        return new Session(id, user, now, now, null, null, clientAddress, userAgent);
    }

    /** Used again (its refresh token rotated) at {@code now}, from this client. */
    public Session usedAt(Instant now, String address, String agent) {
        return new Session(id, userId, createdAt, now, endedAt, endReason, address, agent);
    }

    public boolean isActiveAt(Instant now, Duration idle, Duration max) {
        return endedAt == null && now.isBefore(lastUsedAt.plus(idle)) && now.isBefore(createdAt.plus(max));
    }

    /**
     * Shown back to the user, never trusted: control characters (which PostgreSQL text refuses
     * in the case of NUL) become spaces, and a cut never splits a surrogate pair.
     */
    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && clean.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && clean.length() + 1 >= max) {
                break;
            }
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        return clean.toString();
    }
}
