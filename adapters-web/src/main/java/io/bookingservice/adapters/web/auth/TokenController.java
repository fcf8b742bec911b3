package io.bookingservice.adapters.web.auth;

import io.bookingservice.adapters.web.WebSettings;
import io.bookingservice.adapters.web.error.CrossSiteRequestException;
import io.bookingservice.adapters.web.error.FieldError;
import io.bookingservice.adapters.web.error.RequestValidationException;
import io.bookingservice.adapters.web.error.TooManyAttemptsException;
import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.application.port.in.LogInUseCase;
import io.bookingservice.domain.user.User;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
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

    TokenController(LogInUseCase logIn, AccessTokens tokens, WebSettings settings, LoginThrottle throttle) {
        this.logIn = logIn;
        this.tokens = tokens;
        this.settings = settings;
        this.throttle = throttle;
    }

    /**
     * Unknown user, wrong password and disabled account all end in the use case's one
     * {@code AuthenticationFailedException}, answered 401 "Incorrect username or password".
     * Attempts are throttled per (username, address) and per address: 429 with {@code Retry-After}.
     */
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenJson> token(@RequestParam(name = "username", required = false) String username,
                                    @RequestParam(name = "password", required = false) String password,
                                    HttpServletRequest request) {
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
        // The remote address as the container reports it: the bootstrap decides which proxies'
        // forwarding headers to trust, so a client cannot pick its own address to dodge the limit.
        String address = request.getRemoteAddr();
        LoginThrottle.Decision attempt = throttle.tryAcquire(username, address);
        if (!attempt.allowed()) {
            throw new TooManyAttemptsException(attempt.retryAfterSeconds());
        }
        User user = logIn.logIn(username, password);
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
     * service's own origin may post; any other origin may not, and neither may a post the
     * browser marks cross-site without naming its origin. Clients that are not browsers send
     * neither header.
     */
    private void refuseCrossSite(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            if (!settings.corsAllowedOrigins().contains(origin) && !origin.equals(ownOrigin(request))) {
                throw new CrossSiteRequestException();
            }
            return;
        }
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            throw new CrossSiteRequestException();
        }
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    record TokenJson(String accessToken, String tokenType, long expiresIn) {

        @Override
        public String toString() {
            return "TokenJson[accessToken=redacted, tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }
}
