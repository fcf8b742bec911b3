package io.bookingservice.application.error;

/** Someone else changed the record since it was read (optimistic version check failed). */
public final class ConcurrentUpdateException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
