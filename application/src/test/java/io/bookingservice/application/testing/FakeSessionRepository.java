package io.bookingservice.application.testing;

import io.bookingservice.application.model.RefreshTokenHash;
import io.bookingservice.application.model.SessionWindow;
import io.bookingservice.application.model.SignedInUser;
import io.bookingservice.application.model.StoredRefreshToken;
import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.SessionEnd;
import io.bookingservice.domain.user.SessionId;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A small synchronised fake of {@link SessionRepository} over the accounts of a {@link UserRepository}. */
public class FakeSessionRepository implements SessionRepository {

    private record Token(SessionId session, Instant issuedAt, Instant usedAt) {
    }

    private final UserRepository users;
    private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
    private final Map<RefreshTokenHash, Token> tokens = new HashMap<>();

    public FakeSessionRepository(UserRepository users) {
        this.users = users;
    }

    @Override
    public synchronized boolean create(Session session, RefreshTokenHash firstToken, Instant issuedAt, User holder) {
        Optional<User> current = users.findById(holder.id());
        if (current.isEmpty() || current.get().disabled()
                || !Objects.equals(current.get().passwordChangedAt(), holder.passwordChangedAt())) {
            return false;
        }
        sessions.put(session.id(), session);
        tokens.put(firstToken, new Token(session.id(), issuedAt, null));
        return true;
    }

    @Override
    public synchronized Optional<StoredRefreshToken> findByRefreshTokenForUpdate(RefreshTokenHash hash) {
        return Optional.ofNullable(tokens.get(hash))
                .map(token -> new StoredRefreshToken(hash, sessions.get(token.session()), token.issuedAt(),
                        token.usedAt()));
    }

    @Override
    public synchronized void rotate(Session session, RefreshTokenHash used, RefreshTokenHash next, Instant now) {
        Token old = tokens.get(used);
        tokens.put(used, new Token(old.session(), old.issuedAt(), now));
        tokens.put(next, new Token(session.id(), now, null));
        sessions.put(session.id(), session);
    }

    @Override
    public synchronized boolean end(SessionId id, Instant at, SessionEnd reason) {
        Session session = sessions.get(id);
        if (session == null || session.endedAt() != null) {
            return false;
        }
        sessions.put(id, ended(session, at, reason));
        return true;
    }

    @Override
    public synchronized boolean endOwn(UserId owner, SessionId id, SessionWindow window, Instant at,
                                       SessionEnd reason) {
        Session session = sessions.get(id);
        return session != null && session.userId().equals(owner) && alive(session, window) && end(id, at, reason);
    }

    @Override
    public synchronized int endAllOf(UserId user, Instant at, SessionEnd reason) {
        List<SessionId> open = sessions.values().stream()
                .filter(session -> session.userId().equals(user) && session.endedAt() == null)
                .map(Session::id).toList();
        open.forEach(id -> end(id, at, reason));
        return open.size();
    }

    @Override
    public synchronized List<Session> listActive(UserId user, SessionWindow window) {
        return sessions.values().stream()
                .filter(session -> session.userId().equals(user) && alive(session, window))
                .sorted(Comparator.comparing(Session::createdAt).reversed())
                .toList();
    }

    @Override
    public synchronized Optional<SignedInUser> findUserWithSession(Username username, SessionId id,
                                                                   SessionWindow window) {
        return users.findByUsername(username).map(user -> {
            Session session = sessions.get(id);
            return new SignedInUser(user, session != null && session.userId().equals(user.id())
                    && alive(session, window));
        });
    }

    @Override
    public synchronized int purgeStartedBefore(UserId user, Instant cutoff) {
        List<SessionId> old = sessions.values().stream()
                .filter(session -> session.userId().equals(user) && session.createdAt().isBefore(cutoff))
                .map(Session::id).toList();
        old.forEach(sessions::remove);
        tokens.values().removeIf(token -> old.contains(token.session()));
        return old.size();
    }

    /** Every stored session, ended ones too, for assertions. */
    public synchronized List<Session> all() {
        return List.copyOf(sessions.values());
    }

    static boolean alive(Session session, SessionWindow window) {
        return session.endedAt() == null && session.createdAt().isAfter(window.startedAfter())
                && session.lastUsedAt().isAfter(window.usedAfter());
    }

    private static Session ended(Session session, Instant at, SessionEnd reason) {
        return new Session(session.id(), session.userId(), session.createdAt(), session.lastUsedAt(), at, reason,
                session.clientAddress(), session.userAgent());
    }
}
