package io.bookingservice.adapters.web.auth;

import io.bookingservice.adapters.web.error.ProblemWriter;
import io.bookingservice.application.model.SignedInUser;
import io.bookingservice.application.port.in.FindUserUseCase;
import io.bookingservice.application.port.in.ManageSessionsUseCase;
import io.bookingservice.domain.user.User;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} requests. The token only names the user: the
 * account is loaded on every request, so its role comes from the database (not the token), a
 * disabled account is locked out at once (403 "Inactive user") and a token issued before the
 * last password change stops working (401). A token of a sign-in session (claim {@code sid}) is
 * refused (401) once its session has ended — signed out, revoked, expired, or ended by a password
 * change or a disabling on any instance — read in the same query as the account. Requests without a bearer token pass on
 * anonymously; the authorization rules answer them with 401 "Not authenticated".
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

    static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";
    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String SCHEME = "Bearer ";
    /** OpenID Connect's claim for the session a token belongs to. */
    static final String SESSION_CLAIM = "sid";

    private final JwtDecoder decoder;
    private final FindUserUseCase users;
    private final ManageSessionsUseCase sessions;
    private final ProblemWriter problems;
    private final RequestMatcher publicRoutes;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    /**
     * @param publicRoutes routes open to anyone, where a token is not even looked at: a client
     *                     that still sends its expired token must be able to log in again at {@code /token}
     */
    public BearerTokenFilter(JwtDecoder decoder, FindUserUseCase users, ManageSessionsUseCase sessions,
                             ProblemWriter problems, RequestMatcher publicRoutes) {
        this.decoder = decoder;
        this.users = users;
        this.sessions = sessions;
        this.problems = problems;
        this.publicRoutes = publicRoutes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return publicRoutes.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(header.substring(SCHEME.length()).strip());
        } catch (JwtException e) {
            boolean expired = TokenFailures.isExpired(e);
            // The reason is worth a debug line; the token itself never is.
            log.debug("bearer token refused: {}", expired ? "expired" : e.getClass().getSimpleName());
            problems.unauthorized(request, response, INVALID_TOKEN_CHALLENGE,
                    expired ? "Token has expired" : "Could not validate credentials");
            return;
        }
        Optional<SignedInUser> signedIn = signedIn(jwt);
        Optional<User> found = signedIn.map(SignedInUser::user);
        if (found.isEmpty() || issuedBeforePasswordChange(jwt, found.get())) {
            problems.unauthorized(request, response, INVALID_TOKEN_CHALLENGE, "Could not validate credentials");
            return;
        }
        User user = found.get();
        if (user.disabled()) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "Inactive user");
            return;
        }
        if (!signedIn.get().sessionActive()) {
            log.debug("bearer token refused: its session has ended");
            problems.unauthorized(request, response, INVALID_TOKEN_CHALLENGE, "Session has ended");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    /**
     * A token without a session id (the Python service's, or minted before sessions existed)
     * stands for the account alone, as before; one with a session id needs that session alive.
     */
    private Optional<SignedInUser> signedIn(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null) {
            return Optional.empty();
        }
        Object sid = jwt.getClaims().get(SESSION_CLAIM);
        if (sid == null) {
            return users.findByUsername(subject).map(user -> new SignedInUser(user, true));
        }
        return sid instanceof String id ? sessions.findSignedIn(subject, id) : Optional.empty();
    }

    /**
     * {@code iat} has whole seconds, so the change time is cut to seconds too: a token signed in
     * the same second right after a change stays valid. A token without {@code iat} (minted by
     * the Python service) cannot prove it is newer than a change made here, so it is refused
     * once the account has one.
     */
    static boolean issuedBeforePasswordChange(Jwt jwt, User user) {
        Instant changed = user.passwordChangedAt();
        if (changed == null) {
            return false;
        }
        Instant issued = jwt.getIssuedAt();
        return issued == null || issued.isBefore(changed.truncatedTo(ChronoUnit.SECONDS));
    }
}
