package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.adapters.persistence.postgres.DatabaseErrors;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.springframework.dao.DataAccessException;

/**
 * {@link SessionRepository} on PostgreSQL's {@code user_sessions} and {@code refresh_tokens}.
 * Every instance reads the same rows on every request, so ending a session takes effect
 * everywhere at once; a refresh locks its token and session rows, so two refreshes with one token
 * are serialised and the second sees the first one's use.
 */
public final class MyBatisSessionRepository implements SessionRepository {

    private final SessionMapper mapper;

    MyBatisSessionRepository(SessionMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean create(Session session, RefreshTokenHash firstToken, Instant issuedAt, User holder) {
        return run("start session", () -> mapper.insertIfAccountUnchanged(SessionRow.fromDomain(session),
                firstToken.hex(), issuedAt, holder.passwordChangedAt()));
    }

    @Override
    public Optional<StoredRefreshToken> findByRefreshTokenForUpdate(RefreshTokenHash hash) {
        return Optional.ofNullable(run("find refresh token", () -> mapper.findByTokenHashForUpdate(hash.hex())))
                .map(StoredRefreshTokenRow::toDomain);
    }

    @Override
    public void rotate(Session session, RefreshTokenHash used, RefreshTokenHash next, Instant now) {
        int updated = run("rotate refresh token",
                () -> mapper.rotate(SessionRow.fromDomain(session), used.hex(), next.hex(), now));
        if (updated != 1) {
            throw new IllegalStateException("session " + session.id() + " vanished during its refresh");
        }
    }

    @Override
    public boolean end(SessionId id, Instant at, SessionEnd reason) {
        return run("end session", () -> mapper.end(id.toString(), at, reason.code())) == 1;
    }

    @Override
    public boolean endOwn(UserId owner, SessionId id, SessionWindow window, Instant at, SessionEnd reason) {
        return run("end own session", () -> mapper.endOwn(owner.value(), id.toString(), window.startedAfter(),
                window.usedAfter(), at, reason.code())) == 1;
    }

    @Override
    public int endAllOf(UserId user, Instant at, SessionEnd reason) {
        return run("end sessions of user " + user, () -> mapper.endAllOf(user.value(), at, reason.code()));
    }

    @Override
    public List<Session> listActive(UserId user, SessionWindow window) {
        return run("list sessions", () -> mapper.listActive(user.value(), window.startedAfter(), window.usedAfter()))
                .stream().map(SessionRow::toDomain).toList();
    }

    @Override
    public Optional<SignedInUser> findUserWithSession(Username username, SessionId id, SessionWindow window) {
        return Optional.ofNullable(run("find user with session", () -> mapper.findUserWithSession(username.value(),
                id.toString(), window.startedAfter(), window.usedAfter()))).map(SignedInRow::toDomain);
    }

    @Override
    public int purgeStartedBefore(UserId user, Instant cutoff) {
        return run("purge sessions of user " + user, () -> mapper.purgeStartedBefore(user.value(), cutoff));
    }

    private static <T> T run(String action, Supplier<T> statement) {
        try {
            return statement.get();
        } catch (DataAccessException | PersistenceException e) {
            throw DatabaseErrors.translate(e, action);
        }
    }
}
