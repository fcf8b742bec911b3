package io.bookingservice.adapters.web;

import io.bookingservice.adapters.web.auth.AccessTokens;
import io.bookingservice.adapters.web.auth.IssuedToken;
import io.bookingservice.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A stand-in for the Ed25519 signer and decoder: opaque random tokens remembered with their
 * claims. It fails the way the real decoder is specified to: expiry as Spring's timestamp
 * validator reports it, anything unknown as a bad JWT.
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
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Malformed token");
        }
        if (!clock.instant().isBefore(jwt.getExpiresAt())) {
            OAuth2Error error = new OAuth2Error("invalid_token", "Jwt expired at " + jwt.getExpiresAt(),
                    "https://tools.ietf.org/html/rfc6750#section-3.1");
            throw new JwtValidationException(error.getDescription(), List.of(error));
        }
        return jwt;
    }
}
