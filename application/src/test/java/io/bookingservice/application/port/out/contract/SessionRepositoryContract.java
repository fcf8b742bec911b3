package io.bookingservice.application.port.out.contract;

import static io.bookingservice.application.port.out.contract.ContractSupport.freshDay;
import static io.bookingservice.application.port.out.contract.ContractSupport.race;
import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.application.model.RefreshTokenHash;
import io.bookingservice.application.model.SessionWindow;
import io.bookingservice.application.model.SignedInUser;
import io.bookingservice.application.model.StoredRefreshToken;
import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.testing.FakePasswordHasher;
import io.bookingservice.application.testing.Users;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.SessionEnd;
import io.bookingservice.domain.user.SessionId;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionRepository} adapter must do; runs as a nested suite of
 * {@link PersistenceContract}, which an adapter subclasses once. Each test
 * uses accounts of its own and never assumes an empty store; writes run in units of work, as the
 * session service runs them.
 */
abstract class SessionRepositoryContract {

    private static final Duration IDLE = Duration.ofHours(8);
    private static final Duration MAX = Duration.ofDays(7);

    private PersistencePorts adapter;

    /** The adapter under test, asked for before each test. */
    protected abstract PersistencePorts ports();

    private SessionRepository sessions() {
        return adapter.sessions();
    }

    /** The user store of the same adapter: sessions belong to accounts. */
    private UserRepository users() {
        return adapter.users();
    }

    /** The unit of work of the same adapter. */
    private Transactions transactions() {
        return adapter.transactions();
    }

    protected User alice;
    protected User bob;
    protected Instant now;

    @BeforeEach
    final void prepareSessionContract() {
        adapter = ports();
        alice = users().create(Users.newUser(Users.uniqueName("alice"), Role.REQUESTER));
        bob = users().create(Users.newUser(Users.uniqueName("bob"), Role.REQUESTER));
        // Whole microseconds: what PostgreSQL keeps of an instant.
        now = freshDay().plusNanos(123_456_000);
    }

    private static RefreshTokenHash randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new RefreshTokenHash(HexFormat.of().formatHex(bytes));
    }

    private SessionWindow windowAt(Instant at) {
        return SessionWindow.at(at, IDLE, MAX);
    }

    private Session started(User user, RefreshTokenHash token) {
        Session session = Session.start(SessionId.random(), user.id(), now, "192.0.2.7", "curl/8.5");
        assertThat(transactions().inTransaction(() -> sessions().create(session, token, now, user))).isTrue();
        return session;
    }

    private Optional<StoredRefreshToken> find(RefreshTokenHash hash) {
        return transactions().inTransaction(() -> sessions().findByRefreshTokenForUpdate(hash));
    }

    private boolean alive(User user, SessionId id, Instant at) {
        return sessions().findUserWithSession(user.username(), id, windowAt(at)).orElseThrow().sessionActive();
    }

    @Test
    void aNewSessionIsFoundByItsRefreshTokenWithWhatItWasStartedWith() {
        RefreshTokenHash token = randomHash();
        Session session = started(alice, token);

        StoredRefreshToken found = find(token).orElseThrow();

        assertThat(found.used()).isFalse();
        assertThat(found.issuedAt()).isEqualTo(now);
        assertThat(found.session()).isEqualTo(session);
    }

    @Test
    void anUnknownRefreshTokenFindsNothing() {
        started(alice, randomHash());

        assertThat(find(randomHash())).isEmpty();
    }

    @Test
    void noSessionStartsForAnAccountWhosePasswordChangedSinceItWasRead() {
        User stale = alice;
        users().update(alice.withPassword(new FakePasswordHasher().hash("another password"), now));
        Session session = Session.start(SessionId.random(), alice.id(), now, null, null);
        RefreshTokenHash token = randomHash();

        assertThat(transactions().inTransaction(() -> sessions().create(session, token, now, stale))).isFalse();
        assertThat(find(token)).isEmpty();
    }

    @Test
    void noSessionStartsForADisabledAccount() {
        User read = alice;
        users().update(alice.withDisabled(true));
        Session session = Session.start(SessionId.random(), alice.id(), now, null, null);

        assertThat(transactions().inTransaction(() -> sessions().create(session, randomHash(), now, read))).isFalse();
        assertThat(sessions().listActive(alice.id(), windowAt(now))).isEmpty();
    }

    @Test
    void rotatingMarksTheOldTokenUsedAndRecordsTheUse() {
        RefreshTokenHash first = randomHash();
        RefreshTokenHash second = randomHash();
        Session session = started(alice, first);
        Instant later = now.plus(Duration.ofMinutes(30));
        Session used = session.usedAt(later, "198.51.100.1", "Firefox");

        transactions().inTransaction(() -> {
            sessions().rotate(used, first, second, later);
            return null;
        });

        StoredRefreshToken old = find(first).orElseThrow();
        assertThat(old.used()).isTrue();
        assertThat(old.usedAt()).isEqualTo(later);
        StoredRefreshToken current = find(second).orElseThrow();
        assertThat(current.used()).isFalse();
        assertThat(current.issuedAt()).isEqualTo(later);
        assertThat(current.session()).isEqualTo(used);
        assertThat(current.session().createdAt()).isEqualTo(now);
    }

    @Test
    void aRefreshTokenIsRotatedOnceWhenTwoRefreshesRace() throws InterruptedException {
        RefreshTokenHash token = randomHash();
        Session session = started(alice, token);
        List<Callable<Boolean>> refreshes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            refreshes.add(() -> transactions().inTransaction(() -> {
                StoredRefreshToken found = sessions().findByRefreshTokenForUpdate(token).orElseThrow();
                if (found.used()) {
                    return false;
                }
                sessions().rotate(session.usedAt(now, null, null), token, randomHash(), now);
                return true;
            }));
        }

        assertThat(race(refreshes)).containsOnlyOnce(true);
    }

    @Test
    void anEndedSessionIsNoLongerAliveNorListed() {
        Session session = started(alice, randomHash());
        assertThat(alive(alice, session.id(), now)).isTrue();

        assertThat(transactions().inTransaction(() -> sessions().end(session.id(), now, SessionEnd.SIGNED_OUT)))
                .isTrue();

        assertThat(alive(alice, session.id(), now)).isFalse();
        assertThat(sessions().listActive(alice.id(), windowAt(now))).isEmpty();
        assertThat(transactions().inTransaction(() -> sessions().end(session.id(), now, SessionEnd.SIGNED_OUT)))
                .as("ending it again").isFalse();
    }

    @Test
    void anEndedSessionKeepsWhyAndWhen() {
        RefreshTokenHash token = randomHash();
        Session session = started(alice, token);
        Instant at = now.plusSeconds(5);

        transactions().inTransaction(() -> sessions().end(session.id(), at, SessionEnd.REFRESH_TOKEN_REUSED));

        Session ended = find(token).orElseThrow().session();
        assertThat(ended.endedAt()).isEqualTo(at);
        assertThat(ended.endReason()).isEqualTo(SessionEnd.REFRESH_TOKEN_REUSED);
    }

    @Test
    void sessionsExpireWhenIdleAndInTotal() {
        RefreshTokenHash token = randomHash();
        Session session = started(alice, token);

        assertThat(alive(alice, session.id(), now.plus(IDLE).minusSeconds(1))).isTrue();
        assertThat(alive(alice, session.id(), now.plus(IDLE))).as("idle").isFalse();
        assertThat(sessions().listActive(alice.id(), windowAt(now.plus(IDLE)))).isEmpty();

        Instant nearTheEnd = now.plus(MAX).minusSeconds(60);
        transactions().inTransaction(() -> {
            sessions().rotate(session.usedAt(nearTheEnd, null, null), token, randomHash(), nearTheEnd);
            return null;
        });
        assertThat(alive(alice, session.id(), nearTheEnd.plusSeconds(59))).isTrue();
        assertThat(alive(alice, session.id(), now.plus(MAX))).as("in total").isFalse();
    }

    @Test
    void onlyTheOwnerEndsASessionOfTheirs() {
        Session session = started(alice, randomHash());

        assertThat(transactions().inTransaction(
                () -> sessions().endOwn(bob.id(), session.id(), windowAt(now), now, SessionEnd.SIGNED_OUT))).isFalse();
        assertThat(alive(alice, session.id(), now)).isTrue();
        assertThat(transactions().inTransaction(
                () -> sessions().endOwn(alice.id(), session.id(), windowAt(now), now, SessionEnd.SIGNED_OUT))).isTrue();
        assertThat(alive(alice, session.id(), now)).isFalse();
    }

    @Test
    void anExpiredSessionCannotBeEndedAsOneOfOnesOwn() {
        Session session = started(alice, randomHash());

        assertThat(transactions().inTransaction(() -> sessions().endOwn(alice.id(), session.id(),
                windowAt(now.plus(IDLE)), now.plus(IDLE), SessionEnd.SIGNED_OUT))).isFalse();
    }

    @Test
    void endingAllSessionsOfAnAccountLeavesOtherAccountsAlone() {
        Session first = started(alice, randomHash());
        Session second = started(alice, randomHash());
        Session bobs = started(bob, randomHash());

        int ended = transactions().inTransaction(
                () -> sessions().endAllOf(alice.id(), now, SessionEnd.PASSWORD_CHANGED));

        assertThat(ended).isEqualTo(2);
        assertThat(alive(alice, first.id(), now)).isFalse();
        assertThat(alive(alice, second.id(), now)).isFalse();
        assertThat(alive(bob, bobs.id(), now)).isTrue();
        assertThat(transactions().inTransaction(
                () -> sessions().endAllOf(alice.id(), now, SessionEnd.PASSWORD_CHANGED))).isZero();
    }

    @Test
    void theActiveSessionsOfAnAccountAreListedNewestFirst() {
        Session older = started(alice, randomHash());
        now = now.plusSeconds(60);
        Session newer = started(alice, randomHash());
        started(bob, randomHash());

        assertThat(sessions().listActive(alice.id(), windowAt(now))).containsExactly(newer, older);
    }

    @Test
    void theUserIsFoundWithTheStateOfTheSessionInOneRead() {
        Session session = started(alice, randomHash());

        SignedInUser found = sessions().findUserWithSession(alice.username(), session.id(), windowAt(now))
                .orElseThrow();

        assertThat(found.user()).isEqualTo(alice);
        assertThat(found.sessionActive()).isTrue();
    }

    @Test
    void aSessionOfAnotherAccountOrAnUnknownOneIsNotAlive() {
        Session bobs = started(bob, randomHash());

        assertThat(alive(alice, bobs.id(), now)).isFalse();
        assertThat(alive(alice, new SessionId(UUID.randomUUID()), now)).isFalse();
    }

    @Test
    void anUnknownAccountIsNotFound() {
        Session session = started(alice, randomHash());

        assertThat(sessions().findUserWithSession(new Username(Users.uniqueName("nobody")), session.id(),
                windowAt(now))).isEmpty();
    }

    @Test
    void theClientIsStoredAsSeen() {
        Session session = Session.start(SessionId.random(), alice.id(), now, "2001:db8::1", "Mozilla/5.0 ü");
        RefreshTokenHash token = randomHash();
        transactions().inTransaction(() -> sessions().create(session, token, now, alice));

        Session found = find(token).orElseThrow().session();

        assertThat(found.clientAddress()).isEqualTo("2001:db8::1");
        assertThat(found.userAgent()).isEqualTo("Mozilla/5.0 ü");
    }

    @Test
    void purgingDeletesAnAccountsOldSessionsAndTheirTokens() {
        RefreshTokenHash oldToken = randomHash();
        Session old = started(alice, oldToken);
        RefreshTokenHash bobsToken = randomHash();
        started(bob, bobsToken);
        now = now.plus(MAX).plus(1, ChronoUnit.SECONDS);
        RefreshTokenHash recentToken = randomHash();
        Session recent = started(alice, recentToken);

        int purged = transactions().inTransaction(() -> sessions().purgeStartedBefore(alice.id(), now.minus(MAX)));

        assertThat(purged).isEqualTo(1);
        assertThat(find(oldToken)).isEmpty();
        assertThat(find(recentToken).orElseThrow().session()).isEqualTo(recent);
        assertThat(find(bobsToken)).as("another account's").isPresent();
        assertThat(old.id()).isNotEqualTo(recent.id());
    }
}
