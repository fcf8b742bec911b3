package io.bookingservice.adapters.web.security;

/**
 * The throttle's bucket store did not answer in time (or at all): the attempt is refused rather
 * than let through unthrottled (fail closed). The web layer answers 503 with {@code Retry-After}.
 */
public final class ThrottleUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the 503 tells the client; the store has a few seconds to come back. */
    public static final long RETRY_AFTER_SECONDS = 5;

    public ThrottleUnavailableException(Throwable cause) {
        super("the throttle store is unavailable", cause);
    }
}
