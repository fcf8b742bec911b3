package io.bookingservice.adapters.web.auth;

import io.bookingservice.application.port.in.ClientInfo;
import io.bookingservice.application.port.in.ManageSessionsUseCase;
import io.bookingservice.application.port.in.StartedSession;
import io.bookingservice.domain.user.User;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;

/**
 * The token responses of {@code POST /token} for sessions: an access token carrying the session id,
 * and the refresh token — in the JSON body for scripts, or in a cookie for browsers.
 *
 * <p><b>Which delivery.</b> A request that carries an {@code Origin} header comes from a browser
 * (browsers send it on every {@code POST} from a page, same-origin included; scripts such as curl
 * do not): its refresh token goes into an {@code HttpOnly} cookie, never into the body, so page
 * scripts cannot read it. A refresh answers the way the token came: a cookie with a cookie, a form
 * field with a body member.
 *
 * <p><b>The cookie.</b> {@value #COOKIE}: {@code HttpOnly; SameSite=Strict; Path=/token}, plus
 * {@code Secure} when the request came over TLS (as the container saw it); no {@code Max-Age}, so
 * it ends with the browser session at the latest, and with the server-side session in any case.
 */
final class SessionTokens {

    static final String COOKIE = "booking_refresh";
    static final String COOKIE_PATH = "/token";

    private final ManageSessionsUseCase sessions;
    private final AccessTokens tokens;

    SessionTokens(ManageSessionsUseCase sessions, AccessTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    /** The password grant's answer: a new session for the account whose password was just checked. */
    ResponseEntity<TokenController.TokenJson> signIn(User user, HttpServletRequest request) {
        StartedSession started = sessions.start(user, client(request));
        return answer(started, request, fromBrowser(request));
    }

    /** The refresh grant's answer; the token is rotated. */
    ResponseEntity<TokenController.TokenJson> refresh(String refreshToken, boolean inCookie,
                                                      HttpServletRequest request) {
        return answer(sessions.refresh(refreshToken, client(request)), request, inCookie);
    }

    void revoke(String refreshToken) {
        sessions.revoke(refreshToken);
    }

    static boolean fromBrowser(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ORIGIN) != null;
    }

    static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** Tells the browser to forget the refresh cookie (after a refused refresh or a revocation). */
    static String expiredCookie(HttpServletRequest request) {
        return ResponseCookie.from(COOKIE, "").httpOnly(true).secure(request.isSecure()).sameSite("Strict")
                .path(COOKIE_PATH).maxAge(0).build().toString();
    }

    private ResponseEntity<TokenController.TokenJson> answer(StartedSession started, HttpServletRequest request,
                                                            boolean inCookie) {
        IssuedToken access = tokens.issue(started.user(), started.session().id());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache");
        if (inCookie) {
            ok.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, started.refreshToken()).httpOnly(true)
                    .secure(request.isSecure()).sameSite("Strict").path(COOKIE_PATH).build().toString());
        }
        return ok.body(new TokenController.TokenJson(access.value(), "bearer", access.expiresIn().toSeconds(),
                inCookie ? null : started.refreshToken()));
    }

    private static ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
