package io.bookingservice.adapters.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues access tokens: {@code {"alg":"EdDSA","typ":"JWT","kid":...}} over the claims
 * {@code sub, role, iss, aud, iat, exp, jti} (and {@code sid} for a session's token). Nimbus
 * JOSE+JWT builds and serialises the JWT; {@link BouncyCastleEd25519Signer} signs it with
 * BouncyCastle's low-level Ed25519, so the algorithm stays {@code EdDSA} (RFC 8037), as the
 * Python service and every token already out there name it.
 *
 * <p>{@code iat} and {@code exp} are whole seconds from the injected {@link Clock}, so
 * {@code exp - iat} is exactly the configured lifetime. Thread-safe.
 */
public final class Ed25519JwtSigner {

    private final JwtKeyHolder keyHolder;
    private final JwtSettings settings;
    private final Clock clock;
    // The signer and header of the keys last signed with; rebuilt when the holder's keys change. A
    // race rebuilds them twice at worst: each value is complete and consistent on its own.
    private volatile SigningKey signingKey;

    /** Signs with the current key of {@code keyHolder} at the time of each call (it changes after a rotation). */
    public Ed25519JwtSigner(JwtKeyHolder keyHolder, JwtSettings settings, Clock clock) {
        this.keyHolder = Objects.requireNonNull(keyHolder, "keyHolder");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signingKey = SigningKey.of(keyHolder.current());
    }

    /** Signs with fixed keys. */
    public Ed25519JwtSigner(JwtKeys keys, JwtSettings settings, Clock clock) {
        this(new JwtKeyHolder(keys), settings, clock);
    }

    private record SigningKey(JwtKeys keys, JWSSigner signer, JWSHeader header) {
        static SigningKey of(JwtKeys keys) {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                    .type(JOSEObjectType.JWT)
                    .keyID(keys.currentKid())
                    .build();
            return new SigningKey(keys, new BouncyCastleEd25519Signer(keys.signingKey()), header);
        }
    }

    private SigningKey signingKey() {
        JwtKeys keys = keyHolder.current();
        SigningKey cached = signingKey;
        if (cached.keys() == keys) {
            return cached;
        }
        SigningKey fresh = SigningKey.of(keys);
        signingKey = fresh;
        return fresh;
    }

    /** A signed token and the facts the {@code /token} response needs. */
    public record IssuedToken(String tokenValue, String jti, Instant issuedAt, Instant expiresAt) {
        public IssuedToken {
            Objects.requireNonNull(tokenValue, "tokenValue");
            Objects.requireNonNull(jti, "jti");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        /** Seconds from issue to expiry: the {@code expires_in} of the token response. */
        public long expiresInSeconds() {
            return Duration.between(issuedAt, expiresAt).toSeconds();
        }

        @Override
        public String toString() {
            // A token is a credential: keep it out of logs.
            return "IssuedToken[jti=" + jti + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * Issues a token for {@code subject} (the username) with {@code role} (lower-case, as stored).
     */
    public IssuedToken issue(String subject, String role) {
        return issue(subject, role, null);
    }

    /**
     * Issues a token that belongs to a sign-in session: claim {@code sid} (OpenID Connect's name for
     * it) = {@code sessionId}, which the bearer filter checks on every request; {@code null} issues
     * one without, as before sessions existed.
     */
    public IssuedToken issue(String subject, String role, String sessionId) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
        SigningKey key = signingKey();
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = issuedAt.plus(settings.tokenLifetime());
        String jti = UUID.randomUUID().toString();

        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("role", role)
                .issuer(settings.issuer())
                .audience(settings.audience())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(jti);
        if (sessionId != null) {
            claims.claim("sid", sessionId);
        }
        SignedJWT jwt = new SignedJWT(key.header(), claims.build());
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an EdDSA token failed", e);
        }
        return new IssuedToken(jwt.serialize(), jti, issuedAt, expiresAt);
    }
}
