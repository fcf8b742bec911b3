package io.bookingservice.application.port.out;

import io.bookingservice.application.model.RefreshTokenHash;
import io.bookingservice.application.model.SessionWindow;
import io.bookingservice.application.model.SignedInUser;
import io.bookingservice.application.model.StoredRefreshToken;
import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.SessionEnd;
import io.bookingservice.domain.user.SessionId;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in sessions and their refresh tokens (only hashes are stored). Refresh tokens are rotated:
 * each one is used once, and the used ones are kept (until their session is purged) so that a
 * second use can be recognised.
 */
public interface SessionRepository {

    /**
     * Stores a new session and its first refresh token, but only if the account still is as
     * {@code holder} was read: enabled, and with the same {@code passwordChangedAt}. A password
     * change or a disabling that commits between the password check and this call therefore
     * leaves no session behind.
     *
     * @return whether the session was stored
     */
    boolean create(Session session, RefreshTokenHash firstToken, Instant issuedAt, User holder);

    /**
     * The token and its session, locked until the end of the current unit of work: two refreshes
     * with the same token are serialised, and the second one sees the first one's use.
     */
    Optional<StoredRefreshToken> findByRefreshTokenForUpdate(RefreshTokenHash hash);

    /**
     * Marks {@code used} as used, stores {@code next} as the session's new token and records
     * the session's use (time, address, user agent) from {@code session}.
     */
    void rotate(Session session, RefreshTokenHash used, RefreshTokenHash next, Instant now);

    /** Ends the session if it has not ended yet; {@code true} when this call ended it. */
    boolean end(SessionId id, Instant at, SessionEnd reason);

    /** Ends {@code owner}'s session {@code id} if it is still alive in {@code window}; whether it did. */
    boolean endOwn(UserId owner, SessionId id, SessionWindow window, Instant at, SessionEnd reason);

    /** Ends every session of the account that has not ended yet; how many it ended. */
    int endAllOf(UserId user, Instant at, SessionEnd reason);

    /** The account's sessions alive in {@code window}, newest first. */
    List<Session> listActive(UserId user, SessionWindow window);

    /**
     * The account named {@code username}, and whether its session {@code id} is alive in
     * {@code window} — one read, as it runs on every request. Empty for an unknown account.
     * A session of another account is not alive.
     */
    Optional<SignedInUser> findUserWithSession(Username username, SessionId id, SessionWindow window);

    /**
     * Deletes the account's sessions (and their tokens) that started before {@code cutoff}, long
     * dead by then; how many.
     */
    int purgeStartedBefore(UserId user, Instant cutoff);
}
