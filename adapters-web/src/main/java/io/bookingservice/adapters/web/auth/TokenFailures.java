package io.bookingservice.adapters.web.auth;

import io.bookingservice.adapters.web.security.JwtRejectedException;

/**
 * Tells an expired token from every other failure, which the Python service's clients see as
 * "Token has expired" versus "Could not validate credentials". The decoder says why it refused a
 * token with a {@link JwtRejectedException} (possibly wrapped); any other failure is "invalid".
 */
final class TokenFailures {

    private TokenFailures() {
    }

    static boolean isExpired(Throwable failure) {
        return JwtRejectedException.reasonOf(failure).filter(JwtRejectedException.Reason.EXPIRED::equals).isPresent();
    }
}
