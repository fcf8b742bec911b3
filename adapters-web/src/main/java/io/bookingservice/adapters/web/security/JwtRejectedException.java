package io.bookingservice.adapters.web.security;

import java.util.Objects;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A token that {@link Ed25519JwtDecoder} refused, with the {@link Reason}.
 *
 * <p>It is a Spring {@link BadJwtException}, a {@code JwtException}, as the {@code JwtDecoder}
 * contract expects. The bearer filter ({@code auth.BearerTokenFilter}) finds the reason with
 * {@link #reasonOf(Throwable)} and answers {@code "Token has expired"} for {@link Reason#EXPIRED}
 * and {@code "Could not validate credentials"} for every other reason, as the Python service did.
 *
 * <p>Messages are fixed texts: they never quote the token, its claims or a key, so that they are
 * safe to log.
 */
public final class JwtRejectedException extends BadJwtException {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused. Only {@link #EXPIRED} is reported to clients as such. */
    public enum Reason {
        /** Not three base64url parts of JSON objects, a claim of the wrong type, or too long. */
        MALFORMED,
        /** {@code alg} is anything but {@code EdDSA} ({@code none}, {@code HS256}, ...). */
        UNSUPPORTED_ALGORITHM,
        /** A header that would let the token choose its own key ({@code jku}, {@code jwk}, {@code x5u},
         *  {@code x5c}) or demand extensions ({@code crit}). */
        FORBIDDEN_HEADER,
        /** A kid that names neither the current nor the previous key, or no kid on a token that is
         *  not in the legacy form. */
        UNKNOWN_KEY,
        /** A legacy token (no kid) while legacy tokens are turned off. */
        LEGACY_TOKEN_REFUSED,
        /** The signature does not verify: forged or tampered. */
        BAD_SIGNATURE,
        /** {@code sub} or {@code exp} is missing. */
        MISSING_CLAIM,
        /** {@code exp} is at or before now (minus the clock skew). */
        EXPIRED,
        /** {@code nbf} or {@code iat} is after now (plus the clock skew). */
        NOT_YET_VALID,
        /** A legacy token (no kid or no {@code iat}) whose {@code exp} is further ahead than the
         *  Python service's 30-minute lifetime (plus the clock skew): a forgery or a leak. */
        LIFETIME_TOO_LONG,
        /** {@code iss} is not the configured issuer. */
        WRONG_ISSUER,
        /** {@code aud} does not contain the configured audience. */
        WRONG_AUDIENCE
    }

    private final Reason reason;

    public JwtRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public JwtRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** True when the token was genuine but expired: the only case answered "Token has expired". */
    public boolean isExpired() {
        return reason == Reason.EXPIRED;
    }

    /**
     * The reason carried by {@code failure} or by one of its causes (a caller may have wrapped it),
     * or empty when no {@code JwtRejectedException} is found.
     */
    public static Optional<Reason> reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JwtRejectedException rejected) {
                return Optional.of(rejected.reason());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
