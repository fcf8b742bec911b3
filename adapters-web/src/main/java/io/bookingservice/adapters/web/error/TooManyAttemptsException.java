package io.bookingservice.adapters.web.error;

/** Login or password-change attempts from this client (or for this account) are throttled; 429. */
public final class TooManyAttemptsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        this(retryAfterSeconds, "Too many login attempts; try again later");
    }

    /** @param detail the problem's {@code detail}, e.g. for password changes */
    public TooManyAttemptsException(long retryAfterSeconds, String detail) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
