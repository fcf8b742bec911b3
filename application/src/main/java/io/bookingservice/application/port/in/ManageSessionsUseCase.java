package io.bookingservice.application.port.in;

import io.bookingservice.application.model.SignedInUser;
import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.User;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in sessions: started by a password login, kept alive with rotating refresh tokens, ended by
 * signing out, by an admin, by a password change or by disabling the account.
 */
public interface ManageSessionsUseCase {

    /**
     * Starts a session for an account whose password was just checked.
     *
     * @throws io.bookingservice.application.error.AuthenticationFailedException when the password
     *         was changed or the account disabled since it was checked
     */
    StartedSession start(User user, ClientInfo client);

    /**
     * Exchanges a refresh token for a new one (rotation). A token that was already used ends its
     * whole session: someone else holds a copy.
     *
     * @throws io.bookingservice.application.error.InvalidRefreshTokenException for an unknown, used
     *         or expired token, an ended session or a disabled account alike
     */
    StartedSession refresh(String refreshToken, ClientInfo client);

    /** Ends the session of this refresh token (RFC 7009); an unknown or used token is ignored. */
    void revoke(String refreshToken);

    /**
     * The account behind an access token, and whether its session is alive.
     *
     * @param sessionId the token's session claim
     * @return empty for an unknown account or a malformed session id
     */
    Optional<SignedInUser> findSignedIn(String username, String sessionId);

    /** One's own live sessions, newest first. */
    List<Session> listOwn(User self);

    /** @throws io.bookingservice.application.error.NotFoundException unless it is a live session of {@code self} */
    void endOwn(User self, String sessionId);

    /** Ends all of one's own sessions; how many. */
    int endAllOwn(User self);

    /**
     * An admin ends all sessions of an account.
     *
     * @throws io.bookingservice.domain.PermissionDeniedException unless {@code admin} is one
     * @throws io.bookingservice.application.error.NotFoundException for an unknown username
     */
    int endAllOf(String username, User admin);
}
