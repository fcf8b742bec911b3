package io.bookingservice.adapters.persistence.memory;

import io.bookingservice.application.model.RefreshTokenHash;
import io.bookingservice.application.model.SessionWindow;
import io.bookingservice.application.model.SignedInUser;
import io.bookingservice.application.model.StoredRefreshToken;
import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.SessionEnd;
import io.bookingservice.domain.user.SessionId;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions and refresh-token hashes in memory, under the shared lock of {@link InMemoryTransactions}:
 * a unit of work holds it from start to end, so a refresh's read and rotation cannot interleave
 * with another one's.
 */
public final class InMemorySessionRepository implements SessionRepository {

    private record Token(SessionId session, Instant issuedAt, Instant usedAt) {
    }

    private final InMemoryTransactions store;
    private final InMemoryUserRepository users;
    /** Guarded by the store's lock. */
    private final Map<SessionId, Session> sessions = new HashMap<>();
    private final Map<RefreshTokenHash, Token> tokens = new HashMap<>();

    public InMemorySessionRepository(InMemoryTransactions store, InMemoryUserRepository users) {
        this.store = Objects.requireNonNull(store, "store");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public boolean create(Session session, RefreshTokenHash firstToken, Instant issuedAt, User holder) {
        return store.locked(() -> {
            Optional<User> current = users.findById(holder.id());
            if (current.isEmpty() || current.get().disabled()
                    || !Objects.equals(current.get().passwordChangedAt(), holder.passwordChangedAt())) {
                return false;
            }
            putSession(session);
            putToken(firstToken, new Token(session.id(), issuedAt, null));
            return true;
        });
    }

    @Override
    public Optional<StoredRefreshToken> findByRefreshTokenForUpdate(RefreshTokenHash hash) {
        return store.locked(() -> Optional.ofNullable(tokens.get(hash)).map(token ->
                new StoredRefreshToken(hash, sessions.get(token.session()), token.issuedAt(), token.usedAt())));
    }

    @Override
    public void rotate(Session session, RefreshTokenHash used, RefreshTokenHash next, Instant now) {
        store.locked(() -> {
            if (!sessions.containsKey(session.id())) {
                throw new IllegalStateException("session " + session.id() + " vanished during its refresh");
            }
            Token old = tokens.get(used);
            if (old != null) {
                putToken(used, new Token(old.session(), old.issuedAt(), now));
            }
            putToken(next, new Token(session.id(), now, null));
            Session stored = sessions.get(session.id());
            putSession(stored.usedAt(session.lastUsedAt(), session.clientAddress(), session.userAgent()));
            return null;
        });
    }

    @Override
    public boolean end(SessionId id, Instant at, SessionEnd reason) {
        return store.locked(() -> {
            Session session = sessions.get(id);
            if (session == null || session.endedAt() != null) {
                return false;
            }
            putSession(ended(session, at, reason));
            return true;
        });
    }

    @Override
    public boolean endOwn(UserId owner, SessionId id, SessionWindow window, Instant at, SessionEnd reason) {
        return store.locked(() -> {
            Session session = sessions.get(id);
            return session != null && session.userId().equals(owner) && alive(session, window) && end(id, at, reason);
        });
    }

    @Override
    public int endAllOf(UserId user, Instant at, SessionEnd reason) {
        return store.locked(() -> {
            List<SessionId> open = sessions.values().stream()
                    .filter(session -> session.userId().equals(user) && session.endedAt() == null)
                    .map(Session::id).toList();
            open.forEach(id -> end(id, at, reason));
            return open.size();
        });
    }

    @Override
    public List<Session> listActive(UserId user, SessionWindow window) {
        return store.locked(() -> sessions.values().stream()
                .filter(session -> session.userId().equals(user) && alive(session, window))
                .sorted(Comparator.comparing(Session::createdAt).reversed()
                        .thenComparing(session -> session.id().value()))
                .toList());
    }

    @Override
    public Optional<SignedInUser> findUserWithSession(Username username, SessionId id, SessionWindow window) {
        return store.locked(() -> users.findByUsername(username).map(user -> {
            Session session = sessions.get(id);
            return new SignedInUser(user,
                    session != null && session.userId().equals(user.id()) && alive(session, window));
        }));
    }

    @Override
    public int purgeStartedBefore(UserId user, Instant cutoff) {
        return store.locked(() -> {
            List<SessionId> old = sessions.values().stream()
                    .filter(session -> session.userId().equals(user) && session.createdAt().isBefore(cutoff))
                    .map(Session::id).toList();
            for (SessionId id : old) {
                Session removed = sessions.remove(id);
                store.onRollback(() -> sessions.put(id, removed));
            }
            List<RefreshTokenHash> orphaned = tokens.entrySet().stream()
                    .filter(entry -> old.contains(entry.getValue().session())).map(Map.Entry::getKey).toList();
            for (RefreshTokenHash hash : orphaned) {
                Token removed = tokens.remove(hash);
                store.onRollback(() -> tokens.put(hash, removed));
            }
            return old.size();
        });
    }

    private static boolean alive(Session session, SessionWindow window) {
        return session.endedAt() == null && session.createdAt().isAfter(window.startedAfter())
                && session.lastUsedAt().isAfter(window.usedAfter());
    }

    private static Session ended(Session session, Instant at, SessionEnd reason) {
        return new Session(session.id(), session.userId(), session.createdAt(), session.lastUsedAt(), at, reason,
                session.clientAddress(), session.userAgent());
    }

    private void putSession(Session session) {
        Session previous = sessions.put(session.id(), session);
        store.onRollback(() -> {
            if (previous == null) {
                sessions.remove(session.id());
            } else {
                sessions.put(session.id(), previous);
            }
        });
    }

    private void putToken(RefreshTokenHash hash, Token token) {
        Token previous = tokens.put(hash, token);
        store.onRollback(() -> {
            if (previous == null) {
                tokens.remove(hash);
            } else {
                tokens.put(hash, previous);
            }
        });
    }
}
