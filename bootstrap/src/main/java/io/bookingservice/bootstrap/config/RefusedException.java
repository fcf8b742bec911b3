package io.bookingservice.bootstrap.config;

/**
 * An expected condition the operator has to resolve, such as a database ahead of this build or
 * a schema that was never migrated: one line on the console (exit status 1), no stack trace.
 */
public final class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
        super(message);
    }
}
