package io.bookingservice.application.error;

/** The database cannot be reached right now; retrying later may succeed. */
public final class StorageUnavailableException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
