package io.bookingservice.adapters.web;

import io.bookingservice.adapters.web.auth.AccessTokens;
import io.bookingservice.adapters.web.auth.IssuedToken;
import io.bookingservice.adapters.web.security.JwtRejectedException;
import io.bookingservice.domain.user.SessionId;
import io.bookingservice.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A stand-in for the Ed25519 signer and decoder: opaque random tokens remembered with their
 * claims, so tests can mint any claims they need. It refuses the way the real decoder does, with
 * a {@link JwtRejectedException} and its reason. {@code LegacyTokenTest} runs the real ones.
 */
final class TestTokens implements AccessTokens, JwtDecoder {

    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final Clock clock;
    private final Map<String, Jwt> issued = new ConcurrentHashMap<>();

    TestTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(User user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new IssuedToken(mint(user.username().value(), user.role().code(), now, now.plus(LIFETIME)), LIFETIME);
    }

    @Override
    public IssuedToken issue(User user, SessionId session) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String value = "test." + UUID.randomUUID();
        issued.put(value, Jwt.withTokenValue(value).header("alg", "EdDSA").subject(user.username().value())
                .claim("role", user.role().code()).claim("sid", session.toString()).issuedAt(now)
                .expiresAt(now.plus(LIFETIME)).build());
        return new IssuedToken(value, LIFETIME);
    }

    /** This object as an {@link AccessTokens} only, for a context that must not see it as a decoder too. */
    AccessTokens issuer() {
        TestTokens self = this;
        return new AccessTokens() {
            @Override
            public IssuedToken issue(User user) {
                return self.issue(user);
            }

            @Override
            public IssuedToken issue(User user, SessionId session) {
                return self.issue(user, session);
            }
        };
    }

    /** A token as the decoder would accept it; {@code issuedAt} {@code null} = a legacy token without iat. */
    String mint(String username, String role, Instant issuedAt, Instant expiresAt) {
        String value = "test." + UUID.randomUUID();
        Jwt.Builder jwt = Jwt.withTokenValue(value).header("alg", "EdDSA").subject(username).claim("role", role)
                .expiresAt(expiresAt);
        if (issuedAt != null) {
            jwt.issuedAt(issuedAt);
        }
        issued.put(value, jwt.build());
        return value;
    }

    String validFor(String username, String role) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return mint(username, role, now, now.plus(LIFETIME));
    }

    String expiredFor(String username, String role) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return mint(username, role, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = issued.get(token);
        if (jwt == null) {
            throw new JwtRejectedException(JwtRejectedException.Reason.MALFORMED, "Malformed token");
        }
        if (!clock.instant().isBefore(jwt.getExpiresAt())) {
            throw new JwtRejectedException(JwtRejectedException.Reason.EXPIRED, "Token has expired");
        }
        return jwt;
    }
}
