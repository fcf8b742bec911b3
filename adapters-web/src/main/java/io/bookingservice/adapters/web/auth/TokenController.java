package io.bookingservice.adapters.web.auth;

import io.bookingservice.adapters.web.WebSettings;
import io.bookingservice.adapters.web.error.CrossSiteRequestException;
import io.bookingservice.adapters.web.error.FieldError;
import io.bookingservice.adapters.web.error.RequestValidationException;
import io.bookingservice.adapters.web.error.TooManyAttemptsException;
import io.bookingservice.adapters.web.net.ClientAddressResolver;
import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.application.error.AuthenticationFailedException;
import io.bookingservice.application.port.in.LogInUseCase;
import io.bookingservice.domain.user.User;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /token}: the OAuth2 password form of the Python service. */
@RestController
class TokenController {

    private final LogInUseCase logIn;
    private final AccessTokens tokens;
    private final WebSettings settings;
    private final LoginThrottle throttle;
    private final ClientAddressResolver clients;
    private final LoginFloor floor;

    /** Without a resolver bean no proxy is trusted; without a floor bean failures take at least {@link LoginFloor#DEFAULT}. */
    TokenController(LogInUseCase logIn, AccessTokens tokens, WebSettings settings, LoginThrottle throttle,
                    ObjectProvider<ClientAddressResolver> clients, ObjectProvider<LoginFloor> floor) {
        this.logIn = logIn;
        this.tokens = tokens;
        this.settings = settings;
        this.throttle = throttle;
        this.clients = clients.getIfAvailable(ClientAddressResolver::trustingNoProxies);
        this.floor = floor.getIfAvailable(() -> new LoginFloor(LoginFloor.DEFAULT));
    }

    /**
     * Unknown user, wrong password and disabled account all end in the use case's one
     * {@code AuthenticationFailedException}, answered 401 "Incorrect username or password".
     * Attempts are throttled per (username, address) and per address: 429 with {@code Retry-After}.
     * Every such 401 goes out no earlier than the {@link LoginFloor} after the request arrived.
     */
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenJson> token(@RequestParam(name = "username", required = false) String username,
                                    @RequestParam(name = "password", required = false) String password,
                                    HttpServletRequest request) {
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
        IssuedToken token = tokens.issue(user);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(new TokenJson(token.value(), "bearer", token.expiresIn().toSeconds()));
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

    record TokenJson(String accessToken, String tokenType, long expiresIn) {

        @Override
        public String toString() {
            return "TokenJson[accessToken=redacted, tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }
}
