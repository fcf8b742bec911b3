package io.bookingservice.application.service;

import io.bookingservice.application.error.AuthenticationFailedException;
import io.bookingservice.application.error.InvalidRefreshTokenException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.model.RefreshTokenHash;
import io.bookingservice.application.model.SessionWindow;
import io.bookingservice.application.model.SignedInUser;
import io.bookingservice.application.model.StoredRefreshToken;
import io.bookingservice.application.port.in.ClientInfo;
import io.bookingservice.application.port.in.ManageSessionsUseCase;
import io.bookingservice.application.port.in.StartedSession;
import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.SessionEnd;
import io.bookingservice.domain.user.SessionId;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.Username;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions and their refresh tokens. A refresh token is 256 random bits in base64url; only its
 * SHA-256 is stored. Every refresh replaces it (rotation) and keeps the used one's hash, so that
 * a second use — the legitimate client and a thief both holding it — ends the whole session.
 */
public final class SessionService implements ManageSessionsUseCase {

    private static final int TOKEN_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SessionRepository sessions;
    private final UserRepository users;
    private final Transactions transactions;
    private final Clock clock;
    private final SessionLimits limits;
    private final SecureRandom random;

    public SessionService(SessionRepository sessions, UserRepository users, Transactions transactions, Clock clock,
                          SessionLimits limits, SecureRandom random) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.users = Objects.requireNonNull(users, "users");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public StartedSession start(User user, ClientInfo client) {
        Instant now = clock.instant();
        Session session = Session.start(SessionId.random(), user.id(), now, client.address(), client.userAgent());
        String token = newToken();
        boolean created = transactions.inTransaction(() -> {
            sessions.purgeStartedBefore(user.id(), now.minus(limits.max()));
            return sessions.create(session, hash(token), now, user);
        });
        if (!created) {
            // The password changed or the account was disabled after the password was checked.
            throw new AuthenticationFailedException();
        }
        return new StartedSession(session, user, token);
    }

    @Override
    public StartedSession refresh(String refreshToken, ClientInfo client) {
        RefreshTokenHash presented = hash(refreshToken);
        Instant now = clock.instant();
        String next = newToken();
        // Refusals return empty rather than throw, so that what they wrote (ending a session)
        // commits; the exception is thrown once the unit of work is over.
        Optional<StartedSession> refreshed = transactions.inTransaction(() -> {
            Optional<StoredRefreshToken> found = sessions.findByRefreshTokenForUpdate(presented);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            StoredRefreshToken stored = found.get();
            Session session = stored.session();
            if (stored.used()) {
                sessions.end(session.id(), now, SessionEnd.REFRESH_TOKEN_REUSED);
                return Optional.empty();
            }
            if (!session.isActiveAt(now, limits.idle(), limits.max())) {
                return Optional.empty();
            }
            Optional<User> user = users.findById(session.userId()).filter(account -> !account.disabled());
            if (user.isEmpty()) {
                // Disabled by something that does not end sessions (the Python service's tool).
                sessions.end(session.id(), now, SessionEnd.ACCOUNT_DISABLED);
                return Optional.empty();
            }
            Session used = session.usedAt(now, client.address(), client.userAgent());
            sessions.rotate(used, presented, hash(next), now);
            return Optional.of(new StartedSession(used, user.get(), next));
        });
        return refreshed.orElseThrow(InvalidRefreshTokenException::new);
    }

    @Override
    public void revoke(String refreshToken) {
        RefreshTokenHash presented = hash(refreshToken);
        Instant now = clock.instant();
        transactions.inTransaction(() -> sessions.findByRefreshTokenForUpdate(presented)
                .map(stored -> sessions.end(stored.session().id(), now, SessionEnd.SIGNED_OUT)));
    }

    @Override
    public Optional<SignedInUser> findSignedIn(String username, String sessionId) {
        Optional<Username> name = parseUsername(username);
        Optional<SessionId> id = parseSessionId(sessionId);
        if (name.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        return sessions.findUserWithSession(name.get(), id.get(), window());
    }

    @Override
    public List<Session> listOwn(User self) {
        return sessions.listActive(self.id(), window());
    }

    @Override
    public void endOwn(User self, String sessionId) {
        Instant now = clock.instant();
        SessionWindow window = SessionWindow.at(now, limits.idle(), limits.max());
        boolean ended = parseSessionId(sessionId)
                .map(id -> transactions.inTransaction(
                        () -> sessions.endOwn(self.id(), id, window, now, SessionEnd.SIGNED_OUT)))
                .orElse(false);
        if (!ended) {
            throw new NotFoundException("Session not found.");
        }
    }

    @Override
    public int endAllOwn(User self) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> sessions.endAllOf(self.id(), now, SessionEnd.SIGNED_OUT));
    }

    @Override
    public int endAllOf(String username, User admin) {
        if (!admin.isAdmin()) {
            throw new PermissionDeniedException();
        }
        Instant now = clock.instant();
        User user = parseUsername(username).flatMap(users::findByUsername)
                .orElseThrow(() -> NotFoundException.user(username));
        return transactions.inTransaction(() -> sessions.endAllOf(user.id(), now, SessionEnd.ENDED_BY_ADMIN));
    }

    private SessionWindow window() {
        return SessionWindow.at(clock.instant(), limits.idle(), limits.max());
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** Any presented text is hashed and looked up alike: a malformed token is just an unknown one. */
    static RefreshTokenHash hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return RefreshTokenHash.of(sha256.digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Optional<Username> parseUsername(String username) {
        try {
            return Optional.of(new Username(username));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    private static Optional<SessionId> parseSessionId(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionId.parse(sessionId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
