package io.bookingservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bookingservice.application.error.InvalidRefreshTokenException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.port.in.ClientInfo;
import io.bookingservice.application.port.in.StartedSession;
import io.bookingservice.application.testing.FakeSessionRepository;
import io.bookingservice.application.testing.FakeUserRepository;
import io.bookingservice.application.testing.SerialTransactions;
import io.bookingservice.application.testing.TestClock;
import io.bookingservice.application.testing.Users;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.SessionEnd;
import io.bookingservice.domain.user.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

    private static final Instant NOW = Instant.parse("2030-06-01T09:00:00Z");
    private static final SessionLimits LIMITS = new SessionLimits(Duration.ofHours(8), Duration.ofDays(7));
    private static final ClientInfo LAPTOP = new ClientInfo("192.0.2.10", "Firefox/130");
    private static final ClientInfo PHONE = new ClientInfo("198.51.100.20", "Safari/18");

    private final TestClock clock = new TestClock(NOW);
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakeSessionRepository sessions = new FakeSessionRepository(users);
    private final SessionService service = new SessionService(sessions, users, new SerialTransactions(), clock,
            LIMITS, new SecureRandom());

    private final User admin = users.create(Users.newUser("admin", Role.ADMIN));
    private final User alice = users.create(Users.newUser("alice", Role.REQUESTER));

    private boolean alive(StartedSession session) {
        return service.findSignedIn(session.user().username().value(), session.session().id().toString())
                .orElseThrow().sessionActive();
    }

    @Test
    void aSessionStartsWithAnOpaqueRefreshTokenOfItsOwn() {
        StartedSession first = service.start(alice, LAPTOP);
        StartedSession second = service.start(alice, LAPTOP);

        assertThat(first.refreshToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.refreshToken());
        assertThat(first.session().id()).isNotEqualTo(second.session().id());
        assertThat(first.session().clientAddress()).isEqualTo("192.0.2.10");
        assertThat(alive(first)).isTrue();
    }

    @Test
    void onlyAHashOfTheRefreshTokenIsStored() {
        StartedSession started = service.start(alice, LAPTOP);

        assertThat(sessions.all()).singleElement().asString().doesNotContain(started.refreshToken());
        assertThat(SessionService.hash(started.refreshToken()).hex()).hasSize(64)
                .doesNotContain(started.refreshToken());
    }

    @Test
    void aRefreshRotatesTheTokenAndRecordsTheUse() {
        StartedSession started = service.start(alice, LAPTOP);
        clock.advance(Duration.ofMinutes(29));

        StartedSession refreshed = service.refresh(started.refreshToken(), PHONE);

        assertThat(refreshed.refreshToken()).isNotEqualTo(started.refreshToken());
        assertThat(refreshed.session().id()).isEqualTo(started.session().id());
        assertThat(refreshed.user()).isEqualTo(alice);
        assertThat(refreshed.session().lastUsedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(29)));
        assertThat(refreshed.session().createdAt()).isEqualTo(NOW);
        assertThat(refreshed.session().userAgent()).isEqualTo("Safari/18");
        assertThat(service.refresh(refreshed.refreshToken(), PHONE).session().id()).isEqualTo(started.session().id());
    }

    @Test
    void reusingARefreshTokenEndsTheWholeSession() {
        StartedSession started = service.start(alice, LAPTOP);
        StartedSession refreshed = service.refresh(started.refreshToken(), LAPTOP);

        assertThatThrownBy(() -> service.refresh(started.refreshToken(), PHONE))
                .isInstanceOf(InvalidRefreshTokenException.class);

        assertThat(alive(started)).isFalse();
        assertThatThrownBy(() -> service.refresh(refreshed.refreshToken(), LAPTOP))
                .as("the legitimate holder's newer token dies with the session")
                .isInstanceOf(InvalidRefreshTokenException.class);
        assertThat(sessions.all()).singleElement().extracting(Session::endReason)
                .isEqualTo(SessionEnd.REFRESH_TOKEN_REUSED);
    }

    @Test
    void aSessionIdleForTooLongExpires() {
        StartedSession started = service.start(alice, LAPTOP);
        clock.advance(Duration.ofHours(8).minusSeconds(1));
        StartedSession refreshed = service.refresh(started.refreshToken(), LAPTOP);

        clock.advance(Duration.ofHours(8));

        assertThat(alive(refreshed)).isFalse();
        assertThatThrownBy(() -> service.refresh(refreshed.refreshToken(), LAPTOP))
                .isInstanceOf(InvalidRefreshTokenException.class);
    }

    @Test
    void aSessionInUseStillEndsAfterItsMaximumLifetime() {
        StartedSession current = service.start(alice, LAPTOP);
        for (int i = 0; i < 7 * 24 / 6 - 1; i++) {
            clock.advance(Duration.ofHours(6));
            current = service.refresh(current.refreshToken(), LAPTOP);
        }
        clock.advance(Duration.ofHours(6).minusSeconds(1));
        current = service.refresh(current.refreshToken(), LAPTOP);
        assertThat(alive(current)).isTrue();

        clock.advance(Duration.ofSeconds(1));

        assertThat(alive(current)).isFalse();
        String last = current.refreshToken();
        assertThatThrownBy(() -> service.refresh(last, LAPTOP)).isInstanceOf(InvalidRefreshTokenException.class);
    }

    @Test
    void unknownUsedAndExpiredTokensAreRefusedAlike() {
        StartedSession used = service.start(alice, LAPTOP);
        service.refresh(used.refreshToken(), LAPTOP);
        StartedSession expiring = service.start(alice, LAPTOP);
        clock.advance(Duration.ofHours(9));

        List<Throwable> failures = List.of(
                catchThrowable(() -> service.refresh("no-such-token", LAPTOP)),
                catchThrowable(() -> service.refresh(null, LAPTOP)),
                catchThrowable(() -> service.refresh(used.refreshToken(), LAPTOP)),
                catchThrowable(() -> service.refresh(expiring.refreshToken(), LAPTOP)));

        assertThat(failures).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(InvalidRefreshTokenException.class).hasMessage("Invalid refresh token"));
    }

    @Test
    void aDisabledAccountCannotRefreshEvenIfItsSessionsWereNotEnded() {
        StartedSession started = service.start(alice, LAPTOP);
        // Disabled behind the service's back (the Python service's tool ends no session).
        users.update(alice.withDisabled(true));

        assertThatThrownBy(() -> service.refresh(started.refreshToken(), LAPTOP))
                .isInstanceOf(InvalidRefreshTokenException.class);
        assertThat(sessions.all()).singleElement().extracting(Session::endReason)
                .isEqualTo(SessionEnd.ACCOUNT_DISABLED);
    }

    @Test
    void revokingARefreshTokenEndsItsSessionAndUnknownOnesAreIgnored() {
        StartedSession started = service.start(alice, LAPTOP);

        service.revoke("not a token of ours");
        assertThat(alive(started)).isTrue();
        service.revoke(started.refreshToken());

        assertThat(alive(started)).isFalse();
        assertThatThrownBy(() -> service.refresh(started.refreshToken(), LAPTOP))
                .isInstanceOf(InvalidRefreshTokenException.class);
    }

    @Test
    void usersListAndEndTheirOwnSessionsOnly() {
        StartedSession laptop = service.start(alice, LAPTOP);
        clock.advance(Duration.ofMinutes(1));
        StartedSession phone = service.start(alice, PHONE);
        StartedSession admins = service.start(admin, LAPTOP);

        assertThat(service.listOwn(alice)).extracting(Session::id)
                .containsExactly(phone.session().id(), laptop.session().id());
        assertThatThrownBy(() -> service.endOwn(alice, admins.session().id().toString()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.endOwn(alice, "not-a-uuid")).isInstanceOf(NotFoundException.class);

        service.endOwn(alice, laptop.session().id().toString());

        assertThat(service.listOwn(alice)).extracting(Session::id).containsExactly(phone.session().id());
        assertThat(service.endAllOwn(alice)).isEqualTo(1);
        assertThat(service.listOwn(alice)).isEmpty();
        assertThat(alive(admins)).isTrue();
    }

    @Test
    void anAdminEndsAllSessionsOfAnAccount() {
        StartedSession first = service.start(alice, LAPTOP);
        StartedSession second = service.start(alice, PHONE);

        assertThatThrownBy(() -> service.endAllOf("admin", alice)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.endAllOf("nobody", admin)).isInstanceOf(NotFoundException.class);
        assertThat(service.endAllOf("alice", admin)).isEqualTo(2);

        assertThat(alive(first)).isFalse();
        assertThat(alive(second)).isFalse();
    }

    @Test
    void aMalformedSessionIdOrUsernameFindsNobody() {
        StartedSession started = service.start(alice, LAPTOP);

        assertThat(service.findSignedIn("alice", "1-1-1-1-1")).isEmpty();
        assertThat(service.findSignedIn("alice", null)).isEmpty();
        assertThat(service.findSignedIn("", started.session().id().toString())).isEmpty();
    }

    @Test
    void oldSessionsOfAnAccountArePurgedWhenItStartsANewOne() {
        service.start(alice, LAPTOP);
        clock.advance(Duration.ofDays(8));

        service.start(alice, LAPTOP);

        assertThat(sessions.all()).hasSize(1);
    }
}
