package io.bookingservice.application.error;

/** A use case could not be carried out; each subclass is one kind of failure an adapter maps to an answer. */
public abstract class ApplicationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ApplicationException(String message) {
        super(message);
    }

    protected ApplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
