package io.bookingservice.adapters.web.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bookingservice.adapters.web.WebSettings;
import io.bookingservice.adapters.web.error.CrossSiteRequestException;
import io.bookingservice.adapters.web.error.FieldError;
import io.bookingservice.adapters.web.error.RequestValidationException;
import io.bookingservice.adapters.web.error.TooManyAttemptsException;
import io.bookingservice.adapters.web.net.ClientAddressResolver;
import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.application.error.AuthenticationFailedException;
import io.bookingservice.application.error.InvalidRefreshTokenException;
import io.bookingservice.application.port.in.LogInUseCase;
import io.bookingservice.application.port.in.ManageSessionsUseCase;
import io.bookingservice.domain.user.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /token}: the OAuth2 password form of the Python service, which now also starts a
 * sign-in session; the refresh grant (RFC 6749 §6) and revocation (RFC 7009) of those sessions.
 */
@RestController
class TokenController {

    /**
     * The refresh grant has no username; it is throttled as this one (which no account can have:
     * usernames have no surrounding blanks) per address, beside the address's own limit.
     */
    static final String REFRESH_GRANT = " refresh_token grant ";

    private final LogInUseCase logIn;
    private final WebSettings settings;
    private final LoginThrottle throttle;
    private final ClientAddressResolver clients;
    private final LoginFloor floor;
    private final SessionTokens sessionTokens;

    /** Without a resolver bean no proxy is trusted; without a floor bean failures take at least {@link LoginFloor#DEFAULT}. */
    TokenController(LogInUseCase logIn, AccessTokens tokens, WebSettings settings, LoginThrottle throttle,
                    ObjectProvider<ClientAddressResolver> clients, ObjectProvider<LoginFloor> floor,
                    ManageSessionsUseCase sessions) {
        this.logIn = logIn;
        this.settings = settings;
        this.throttle = throttle;
        this.clients = clients.getIfAvailable(ClientAddressResolver::trustingNoProxies);
        this.floor = floor.getIfAvailable(() -> new LoginFloor(LoginFloor.DEFAULT));
        this.sessionTokens = new SessionTokens(sessions, tokens);
    }

    /**
     * {@code POST /token}, one route for both grants: {@code grant_type=refresh_token} is the
     * refresh grant, anything else (the Python service's clients send {@code password} or nothing)
     * the password form. Dispatched here rather than by a {@code params} mapping condition: Spring
     * evaluates such a condition on every request no other mapping takes, which makes the container
     * parse unrelated bodies as forms (a malformed one then failed as a 500).
     */
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenJson> grant(@RequestParam(name = "grant_type", required = false) String grantType,
                                    @RequestParam(name = "username", required = false) String username,
                                    @RequestParam(name = "password", required = false) String password,
                                    @RequestParam(name = "refresh_token", required = false) String refreshToken,
                                    HttpServletRequest request, HttpServletResponse response) {
        if ("refresh_token".equals(grantType)) {
            return refresh(refreshToken, request, response);
        }
        return token(username, password, request);
    }

    /**
     * Unknown user, wrong password and disabled account all end in the use case's one
     * {@code AuthenticationFailedException}, answered 401 "Incorrect username or password".
     * Attempts are throttled per (username, address) and per address: 429 with {@code Retry-After}.
     * Every such 401 goes out no earlier than the {@link LoginFloor} after the request arrived.
     */
    ResponseEntity<TokenJson> token(String username, String password, HttpServletRequest request) {
        long arrived = floor.arrived();
        refuseCrossSite(request);
        List<FieldError> errors = new ArrayList<>();
        if (username == null) {
            errors.add(FieldError.of("missing", List.of("body", "username"), "Field required", null));
        }
        if (password == null) {
            errors.add(FieldError.of("missing", List.of("body", "password"), "Field required", null));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        // Forwarding headers count only from our own proxies, so a client cannot pick its own
        // address to dodge the limit.
        String address = clients.clientAddress(request);
        LoginThrottle.Decision attempt = throttle.tryAcquire(username, address);
        if (!attempt.allowed()) {
            throw new TooManyAttemptsException(attempt.retryAfterSeconds());
        }
        User user;
        try {
            user = logIn.logIn(username, password);
        } catch (AuthenticationFailedException e) {
            // The verify has returned, so no hashing permit is held while this waits.
            floor.waitOut(arrived);
            throw e;
        }
        throttle.recordSuccess(username, address);
        return sessionTokens.signIn(user, request);
    }

    /**
     * The refresh grant: the refresh token from the form field {@code refresh_token}, else from the
     * browser's cookie, is exchanged for a new access token and a new refresh token. Same
     * cross-site rule as the password form; throttled per address like it (under a fixed pseudo
     * username, as there is none); an unknown, used or expired token gets one 401.
     */
    ResponseEntity<TokenJson> refresh(String refreshToken, HttpServletRequest request, HttpServletResponse response) {
        long arrived = floor.arrived();
        refuseCrossSite(request);
        Optional<String> presented = Optional.ofNullable(refreshToken);
        boolean inCookie = presented.isEmpty();
        if (inCookie) {
            // A cookie is sent by the browser on its own: only a request naming an origin we
            // accept may use it (refuseCrossSite has checked any origin it names).
            presented = SessionTokens.fromBrowser(request) ? SessionTokens.cookie(request) : Optional.empty();
        }
        if (presented.isEmpty()) {
            throw new RequestValidationException(List.of(
                    FieldError.of("missing", List.of("body", "refresh_token"), "Field required", null)));
        }
        String address = clients.clientAddress(request);
        LoginThrottle.Decision attempt = throttle.tryAcquire(REFRESH_GRANT, address);
        if (!attempt.allowed()) {
            throw new TooManyAttemptsException(attempt.retryAfterSeconds());
        }
        try {
            ResponseEntity<TokenJson> answer = sessionTokens.refresh(presented.get(), inCookie, request);
            throttle.recordSuccess(REFRESH_GRANT, address);
            return answer;
        } catch (InvalidRefreshTokenException e) {
            // Unknown, used and expired tokens answer alike, and no sooner than a failed login.
            floor.waitOut(arrived);
            if (inCookie) {
                // The problem answer is written to this same response: the browser drops the dead cookie.
                response.addHeader(HttpHeaders.SET_COOKIE, SessionTokens.expiredCookie(request));
            }
            throw e;
        }
    }

    /**
     * RFC 7009: ends the session of the refresh token in the form field {@code token} (or the
     * browser's cookie). 200 whether or not the token was known, as the RFC asks.
     */
    @PostMapping(path = "/token/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> revoke(@RequestParam(name = "token", required = false) String token,
                                HttpServletRequest request) {
        refuseCrossSite(request);
        Optional<String> presented = Optional.ofNullable(token)
                .or(() -> SessionTokens.fromBrowser(request) ? SessionTokens.cookie(request) : Optional.empty());
        if (presented.isEmpty()) {
            throw new RequestValidationException(List.of(
                    FieldError.of("missing", List.of("body", "token"), "Field required", null)));
        }
        sessionTokens.revoke(presented.get());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, SessionTokens.expiredCookie(request))
                .build();
    }

    /**
     * A form on another site could post a victim's browser to {@code /token} (login CSRF). An
     * origin on the CORS allow-list (a web client of ours, possibly on another site) or this
     * service's own origin (behind a trusted proxy: as it forwarded it) may post; any other
     * origin may not, and neither may a post the browser marks cross-site without naming its
     * origin. Clients that are not browsers send neither header.
     */
    private void refuseCrossSite(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            if (!settings.corsAllowedOrigins().contains(origin) && !origin.equals(clients.ownOrigin(request))) {
                throw new CrossSiteRequestException();
            }
            return;
        }
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            throw new CrossSiteRequestException();
        }
    }

    /** @param refreshToken {@code null} (and left out) when it travels in the cookie */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenJson(String accessToken, String tokenType, long expiresIn, String refreshToken) {

        @Override
        public String toString() {
            return "TokenJson[accessToken=redacted, tokenType=" + tokenType + ", expiresIn=" + expiresIn
                    + ", refreshToken=" + (refreshToken == null ? "none" : "redacted") + "]";
        }
    }
}
