package io.bookingservice.domain;

/**
 * A rule of the domain was broken. Each subclass is one kind of failure that an
 * adapter can map to its own answer (e.g. HTTP 403, 409, 422).
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message);
    }
}
