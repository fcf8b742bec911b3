package io.bookingservice.adapters.web.auth;

import java.util.Locale;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Tells an expired token from every other failure, which the Python service's clients see as
 * "Token has expired" versus "Could not validate credentials". The decoder reports expiry the
 * way Spring's {@code JwtTimestampValidator} does: a {@link JwtValidationException} whose error
 * description says "expired" (or an exception type named for it).
 */
final class TokenFailures {

    private TokenFailures() {
    }

    static boolean isExpired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("Expired")) {
                return true;
            }
            if (t instanceof JwtValidationException invalid) {
                for (OAuth2Error error : invalid.getErrors()) {
                    String description = error.getDescription();
                    if (description != null && description.toLowerCase(Locale.ROOT).contains("expired")) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
