package io.bookingservice.application.error;

/** The first request with this idempotency key is still being processed. */
public final class IdempotencyKeyInProgressException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyInProgressException() {
        super("a request with this idempotency key is still in progress");
    }
}
