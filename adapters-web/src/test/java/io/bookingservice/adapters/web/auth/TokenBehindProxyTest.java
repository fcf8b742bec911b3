package io.bookingservice.adapters.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.adapters.web.WebSettings;
import io.bookingservice.adapters.web.error.CrossSiteRequestException;
import io.bookingservice.adapters.web.error.TooManyAttemptsException;
import io.bookingservice.adapters.web.net.ClientAddressResolver;
import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.application.error.AuthenticationFailedException;
import io.bookingservice.domain.user.SessionId;
import io.bookingservice.application.service.SessionLimits;
import io.bookingservice.application.service.SessionService;
import io.bookingservice.application.service.UserService;
import io.bookingservice.application.testing.FakePasswordHasher;
import io.bookingservice.application.testing.FakeSessionRepository;
import io.bookingservice.application.testing.FakeUserRepository;
import io.bookingservice.application.testing.SerialTransactions;
import io.bookingservice.application.testing.TestClock;
import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.Username;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Issue 9 §5 at {@code POST /token}: behind our TLS-terminating proxy ({@code BOOKING_TRUSTED_PROXIES=10.0.0.0/8})
 * the throttle counts each client, not the proxy, a client cannot escape its budget by writing
 * its own {@code X-Forwarded-For}, and the same-origin check sees the origin the browser used.
 */
class TokenBehindProxyTest {

    private static final String PROXY = "10.0.0.2";
    private static final String PASSWORD = "Correct#Pass1";

    private final FakeUserRepository users = new FakeUserRepository();
    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final TokenController controller;

    TokenBehindProxyTest() {
        users.create(new NewUser(new Username("admin"), new FakePasswordHasher().hash(PASSWORD), false, Role.ADMIN,
                clock.instant()));
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("floor", new LoginFloor(Duration.ZERO));
        beans.registerSingleton("clients", ClientAddressResolver.trusting(List.of("10.0.0.0/8")));
        FakeSessionRepository sessions = new FakeSessionRepository(users);
        controller = new TokenController(new UserService(users, sessions, new FakePasswordHasher(), new SerialTransactions(),
                clock, true),
                new AccessTokens() {
                    @Override
                    public IssuedToken issue(User user) {
                        return new IssuedToken("token", Duration.ofMinutes(30));
                    }

                    @Override
                    public IssuedToken issue(User user, SessionId session) {
                        return issue(user);
                    }
                }, WebSettings.defaults(),
                new LoginThrottle(LoginThrottleSettings.DEFAULT),
                beans.getBeanProvider(ClientAddressResolver.class), beans.getBeanProvider(LoginFloor.class),
                new SessionService(sessions, users, new SerialTransactions(), clock, SessionLimits.DEFAULT, new SecureRandom()));
    }

    private static MockHttpServletRequest viaProxy(String xForwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/token");
        request.setRemoteAddr(PROXY);
        request.addHeader("X-Forwarded-For", xForwardedFor);
        return request;
    }

    private void failUntilThrottled(String xForwardedFor) {
        for (int i = 0; i < LoginThrottleSettings.DEFAULT.attemptsPerAddress(); i++) {
            String username = "user" + i;
            assertThatThrownBy(() -> controller.token(username, "wrong", viaProxy(xForwardedFor)))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> controller.token("admin", PASSWORD, viaProxy(xForwardedFor)))
                .isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void oneClientsFailuresBehindTheProxyDoNotThrottleAnother() {
        failUntilThrottled("198.51.100.7");

        assertThat(controller.token("admin", PASSWORD, viaProxy("203.0.113.50")).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aClientCannotEscapeItsBudgetBySpoofingTheLeftMostValue() {
        failUntilThrottled("198.51.100.7");

        // The client now writes a fresh address of its own; the proxy still appends the real one.
        assertThatThrownBy(() -> controller.token("admin", PASSWORD, viaProxy("192.0.2.99, 198.51.100.7")))
                .isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void theSameOriginCheckWorksBehindATlsTerminatingProxy() {
        MockHttpServletRequest request = viaProxy("198.51.100.7");
        request.setScheme("http");
        request.setServerName("api.example.org");
        request.setServerPort(80);
        request.addHeader("Host", "api.example.org");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("Origin", "https://api.example.org");
        assertThat(controller.token("admin", PASSWORD, request).getStatusCode().value()).isEqualTo(200);

        MockHttpServletRequest crossSite = viaProxy("198.51.100.7");
        crossSite.addHeader("X-Forwarded-Proto", "https");
        crossSite.addHeader("Origin", "https://evil.example");
        assertThatThrownBy(() -> controller.token("admin", PASSWORD, crossSite)).isInstanceOf(CrossSiteRequestException.class);
    }
}
