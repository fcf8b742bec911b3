package io.bookingservice.application.error;

/** A unique value is already taken (e.g. a username). */
public final class DuplicateException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    public DuplicateException(String message) {
        super(message);
    }
}
