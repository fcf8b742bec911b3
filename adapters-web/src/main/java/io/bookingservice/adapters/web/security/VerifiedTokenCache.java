package io.bookingservice.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens another {@link JwtDecoder} has accepted, so that a client sending the same
 * token on every request pays for its signature check once. Profiling the request path
 * ({@code bench/http/run --profile}) found the Ed25519 verification at 28% of the service's CPU:
 * it ran on every request for the same few tokens.
 *
 * <p>Only what the decoder accepted is kept, and only as long as it would still accept it:
 * <ul>
 *   <li>a hit whose {@code exp} has passed (with the clock skew, as the decoder counts it) goes
 *       back to the decoder, which refuses it as expired; every other time-dependent check of
 *       the decoder can only turn from "refused" to "accepted" as time passes;</li>
 *   <li>an entry remembers the {@link JwtKeys} it was verified with: once the keys are replaced
 *       (a rotation, a revoked previous key), every token is verified again against the new ones;</li>
 *   <li>refusals are never kept, so garbage tokens cannot fill the cache, and each refusal
 *       keeps the decoder's exact reason.</li>
 * </ul>
 * What is checked per request against the database (the account, its session, a password
 * change) is not part of decoding and stays on every request. The cache is bounded; the key is
 * the whole token, which only its holder knows.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    /** Enough for every token in use on an instance at once; each entry is a few KiB at most. */
    static final int MAX_TOKENS = 4_096;

    private record Verified(Jwt jwt, JwtKeys keys) {
    }

    private final JwtDecoder decoder;
    private final JwtKeyHolder keys;
    private final JwtSettings settings;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    public VerifiedTokenCache(JwtDecoder decoder, JwtKeyHolder keys, JwtSettings settings, Clock clock) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            return decoder.decode(null);
        }
        JwtKeys inForce = keys.current();
        Verified hit = verified.getIfPresent(token);
        if (hit != null && hit.keys().equals(inForce) && stillUnexpired(hit.jwt())) {
            return hit.jwt();
        }
        if (hit != null) {
            verified.invalidate(token);
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, new Verified(jwt, inForce));
        return jwt;
    }

    /** The decoder's own rule: expired once {@code exp <= now - skew}. */
    private boolean stillUnexpired(Jwt jwt) {
        Instant exp = jwt.getExpiresAt();
        return exp != null && exp.isAfter(clock.instant().minus(settings.clockSkew()));
    }

    /** Tokens remembered now; for tests. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
