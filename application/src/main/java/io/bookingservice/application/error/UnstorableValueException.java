package io.bookingservice.application.error;

/**
 * A value of the request that the storage cannot hold or compare: beyond the range of its
 * types, too long for its column, or with characters it refuses (a NUL). The request's own
 * input is at fault, not the service: a backstop for what the input rules did not catch.
 */
public final class UnstorableValueException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    public UnstorableValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
