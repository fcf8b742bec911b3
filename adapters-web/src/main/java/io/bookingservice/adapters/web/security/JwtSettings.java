package io.bookingservice.adapters.web.security;

import java.time.Duration;
import java.util.Objects;

/**
 * How tokens are issued and checked.
 *
 * @param issuer             {@code iss} of new tokens, required on tokens with a kid; use a URI if
 *                           callers will read {@code Jwt.getIssuer()}, which converts it to a URL
 * @param audience           {@code aud} of new tokens, required on tokens with a kid
 * @param tokenLifetime      {@code exp - iat} of new tokens (30 minutes, as the Python service)
 * @param clockSkew          tolerance for {@code exp}, {@code nbf} and {@code iat}; 0 by default so
 *                           a token is "expired" at exactly the instant the Python service said so
 * @param acceptLegacyTokens accept tokens without kid, iss and aud as the Python service minted
 *                           them; turn off once every such token has expired (30 minutes after the
 *                           Python service stopped issuing) so a leaked legacy-format token signed
 *                           with the same key is no longer honoured
 */
public record JwtSettings(String issuer, String audience, Duration tokenLifetime, Duration clockSkew,
        boolean acceptLegacyTokens) {

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(30);

    public JwtSettings {
        requireText(issuer, "issuer");
        requireText(audience, "audience");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("tokenLifetime must be at least one second");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must not be negative");
        }
    }

    /** 30-minute tokens, no clock skew, legacy tokens accepted. */
    public static JwtSettings defaults(String issuer, String audience) {
        return new JwtSettings(issuer, audience, DEFAULT_TOKEN_LIFETIME, Duration.ZERO, true);
    }

    public JwtSettings withTokenLifetime(Duration lifetime) {
        return new JwtSettings(issuer, audience, lifetime, clockSkew, acceptLegacyTokens);
    }

    public JwtSettings withClockSkew(Duration skew) {
        return new JwtSettings(issuer, audience, tokenLifetime, skew, acceptLegacyTokens);
    }

    public JwtSettings withAcceptLegacyTokens(boolean accept) {
        return new JwtSettings(issuer, audience, tokenLifetime, clockSkew, accept);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
