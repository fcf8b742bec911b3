package io.bookingservice.adapters.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.adapters.web.WebSettings;
import io.bookingservice.adapters.web.net.ClientAddressResolver;
import io.bookingservice.adapters.web.security.BoundedHashing;
import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.application.error.AuthenticationFailedException;
import io.bookingservice.domain.user.SessionId;
import io.bookingservice.application.port.out.PasswordHasher;
import io.bookingservice.application.service.SessionLimits;
import io.bookingservice.application.service.SessionService;
import io.bookingservice.application.service.UserService;
import io.bookingservice.application.testing.FakeSessionRepository;
import io.bookingservice.application.testing.FakeUserRepository;
import io.bookingservice.application.testing.SerialTransactions;
import io.bookingservice.application.testing.TestClock;
import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.Username;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Issue 9 §3, without a single timed assertion: a recording fake hasher "spends" each scheme's
 * cost on a fake monotonic clock, a fake sleeper advances the same clock, and every failed login
 * — wrong password on argon2id or on legacy bcrypt, unknown user, disabled account, NUL byte —
 * must end exactly at the floor after arrival, having run exactly one real verify (the cheapest,
 * argon2id, for the unknown user), and having waited with no hashing call running or queued.
 */
class LoginFloorTest {

    private static final Duration FLOOR = Duration.ofMillis(300);
    private static final Duration ARGON2_COST = Duration.ofMillis(22);
    private static final Duration BCRYPT_COST = Duration.ofMillis(224);
    private static final String PASSWORD = "Correct#Pass1";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final BoundedHashing gate = new BoundedHashing(1, 4, Duration.ofSeconds(1));
    private final RecordingHasher hasher = new RecordingHasher();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Integer> hashingCallsDuringSleep = new ArrayList<>();
    private final FakeUserRepository users = new FakeUserRepository();
    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));

    /** Verifies {@code argon2$<password>} in {@link #ARGON2_COST}, {@code bcrypt$<password>} in {@link #BCRYPT_COST}. */
    private final class RecordingHasher implements PasswordHasher {
        final List<String> calls = new ArrayList<>();
        Duration bcryptCost = BCRYPT_COST;

        @Override
        public PasswordHash hash(String rawPassword) {
            return gate.run(() -> {
                calls.add("hash argon2");
                spend(ARGON2_COST);
                return new PasswordHash("argon2$" + rawPassword);
            });
        }

        @Override
        public boolean verify(String rawPassword, PasswordHash hash) {
            return gate.run(() -> {
                boolean bcrypt = hash.value().startsWith("bcrypt$");
                calls.add("verify " + (bcrypt ? "bcrypt" : "argon2"));
                spend(bcrypt ? bcryptCost : ARGON2_COST);
                return hash.value().substring(hash.value().indexOf('$') + 1).equals(rawPassword);
            });
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return hash.value().startsWith("bcrypt$");
        }
    }

    private void spend(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private TokenController controller(boolean rehash) {
        users.create(new NewUser(new Username("argon.user"), new PasswordHash("argon2$" + PASSWORD), false, Role.REQUESTER,
                clock.instant()));
        users.create(new NewUser(new Username("bcrypt.user"), new PasswordHash("bcrypt$" + PASSWORD), false, Role.REQUESTER,
                clock.instant()));
        users.create(new NewUser(new Username("disabled.user"), new PasswordHash("bcrypt$" + PASSWORD), true,
                Role.REQUESTER, clock.instant()));
        FakeSessionRepository sessions = new FakeSessionRepository(users);
        UserService service = new UserService(users, sessions, hasher, new SerialTransactions(), clock, rehash);
        LoginFloor floor = new LoginFloor(FLOOR, nanos::get, duration -> {
            sleeps.add(duration);
            hashingCallsDuringSleep.add(gate.inFlight());
            spend(duration);
        });
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("floor", floor);
        beans.registerSingleton("clients", ClientAddressResolver.trustingNoProxies());
        AccessTokens tokens = new AccessTokens() {
            @Override
            public IssuedToken issue(User user) {
                return new IssuedToken("token-for-" + user.username().value(), Duration.ofMinutes(30));
            }

            @Override
            public IssuedToken issue(User user, SessionId session) {
                return issue(user);
            }
        };
        return new TokenController(service, tokens, WebSettings.defaults(), new LoginThrottle(LoginThrottleSettings.DEFAULT),
                beans.getBeanProvider(ClientAddressResolver.class), beans.getBeanProvider(LoginFloor.class),
                new SessionService(sessions, users, new SerialTransactions(), clock, SessionLimits.DEFAULT, new SecureRandom()));
    }

    /** Logs in from a fresh address each time (the throttle is not under test) and returns the time taken. */
    private Duration failedLogin(TokenController controller, String username, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/token");
        request.setRemoteAddr("192.0.2." + (sleeps.size() + hasher.calls.size() + 1));
        long start = nanos.get();
        assertThatThrownBy(() -> controller.token(username, password, request))
                .isInstanceOf(AuthenticationFailedException.class);
        return Duration.ofNanos(nanos.get() - start);
    }

    @ParameterizedTest(name = "BOOKING_PASSWORD_REHASH={0}")
    @ValueSource(booleans = {true, false})
    void everyFailedLoginEndsExactlyAtTheFloorAfterOneVerifyAndWaitsOutsideTheHashingGate(boolean rehash) {
        TokenController controller = controller(rehash);
        // The decoy for unknown users is made once (one argon2id hash); after that, only its verify.
        failedLogin(controller, "nobody.here", "anything");
        hasher.calls.clear();
        sleeps.clear();
        hashingCallsDuringSleep.clear();

        record Path(String name, String username, String password, String verify, Duration cost) {
        }
        List<Path> paths = List.of(
                new Path("argon2-wrong", "argon.user", "Wrong#Pass1", "verify argon2", ARGON2_COST),
                new Path("bcrypt-wrong", "bcrypt.user", "Wrong#Pass1", "verify bcrypt", BCRYPT_COST),
                new Path("unknown", "nobody.else", "Wrong#Pass1", "verify argon2", ARGON2_COST),
                new Path("disabled-bcrypt, right password", "disabled.user", PASSWORD, "verify bcrypt", BCRYPT_COST),
                new Path("disabled-bcrypt, wrong password", "disabled.user", "Wrong#Pass1", "verify bcrypt", BCRYPT_COST),
                new Path("NUL on bcrypt", "bcrypt.user", PASSWORD + "\0", "verify bcrypt", BCRYPT_COST),
                new Path("NUL on argon2", "argon.user", "\0" + PASSWORD, "verify argon2", ARGON2_COST));
        for (Path path : paths) {
            hasher.calls.clear();
            sleeps.clear();
            hashingCallsDuringSleep.clear();

            Duration taken = failedLogin(controller, path.username(), path.password());

            assertThat(taken).as(path.name()).isEqualTo(FLOOR);
            assertThat(hasher.calls).as(path.name() + ": exactly one real verify, no decoy beyond it")
                    .containsExactly(path.verify());
            assertThat(sleeps).as(path.name()).containsExactly(FLOOR.minus(path.cost()));
            assertThat(hashingCallsDuringSleep).as(path.name() + ": no hashing call running or waiting while it sleeps")
                    .containsOnly(0);
        }
    }

    @ParameterizedTest(name = "BOOKING_PASSWORD_REHASH={0}")
    @ValueSource(booleans = {true, false})
    void aVerifySlowerThanTheFloorIsNeitherCutShortNorLengthened(boolean rehash) {
        TokenController controller = controller(rehash);
        hasher.bcryptCost = Duration.ofMillis(450);

        assertThat(failedLogin(controller, "bcrypt.user", "Wrong#Pass1")).isEqualTo(Duration.ofMillis(450));
        assertThat(sleeps).isEmpty();
    }

    @ParameterizedTest(name = "BOOKING_PASSWORD_REHASH={0}")
    @ValueSource(booleans = {true, false})
    void aSuccessfulLoginIsNotDelayed(boolean rehash) {
        TokenController controller = controller(rehash);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/token");

        assertThat(controller.token("argon.user", PASSWORD, request).getStatusCode().value()).isEqualTo(200);
        assertThat(controller.token("bcrypt.user", PASSWORD, request).getStatusCode().value()).isEqualTo(200);
        assertThat(sleeps).isEmpty();
        assertThat(hasher.calls).startsWith("verify argon2", "verify bcrypt");
    }
}
