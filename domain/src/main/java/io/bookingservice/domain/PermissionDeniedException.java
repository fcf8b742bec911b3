package io.bookingservice.domain;

/** The acting user's role does not allow this action. */
public final class PermissionDeniedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public PermissionDeniedException() {
        super("Not enough permissions");
    }
}
