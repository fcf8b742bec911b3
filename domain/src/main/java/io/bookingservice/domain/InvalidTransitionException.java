package io.bookingservice.domain;

/** The requested change is not allowed from the booking's current state. */
public final class InvalidTransitionException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidTransitionException(String message) {
        super(message);
    }
}
