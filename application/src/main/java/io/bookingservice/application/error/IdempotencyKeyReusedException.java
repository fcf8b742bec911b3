package io.bookingservice.application.error;

/** An idempotency key was sent again with a different request. */
public final class IdempotencyKeyReusedException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super("idempotency key already used for a different request");
    }
}
