package io.bookingservice.adapters.web.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues access tokens: {@code {"alg":"EdDSA","typ":"JWT","kid":...}} over the claims
 * {@code sub, role, iss, aud, iat, exp, jti} (and {@code sid} for a session's token), signed with BouncyCastle's low-level Ed25519.
 *
 * <p>{@code iat} and {@code exp} are whole seconds from the injected {@link Clock}, so
 * {@code exp - iat} is exactly the configured lifetime. Thread-safe.
 */
public final class Ed25519JwtSigner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final JwtKeyHolder keyHolder;
    private final JwtSettings settings;
    private final Clock clock;
    // The encoded header of the keys last signed with; rebuilt when the holder's keys change. A
    // race rebuilds it twice at worst: each value is complete and consistent on its own.
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

    private record SigningKey(JwtKeys keys, Ed25519PrivateKeyParameters privateKey, String encodedHeader) {
        static SigningKey of(JwtKeys keys) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "EdDSA");
            header.put("typ", "JWT");
            header.put("kid", keys.currentKid());
            // BouncyCastle caches the derived public key inside the private key, so signing costs one
            // scalar multiplication, not two.
            return new SigningKey(keys, keys.signingKey(), BASE64URL.encodeToString(JSON.writeValueAsBytes(header)));
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

        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("role", role);
        claims.put("iss", settings.issuer());
        claims.put("aud", settings.audience());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", jti);
        if (sessionId != null) {
            claims.put("sid", sessionId);
        }

        String signingInput = key.encodedHeader() + "." + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
        byte[] message = signingInput.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        key.privateKey().sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return new IssuedToken(signingInput + "." + BASE64URL.encodeToString(signature), jti, issuedAt, expiresAt);
    }
}
