package io.bookingservice.application.error;

/** The current password given to confirm a password change is wrong. */
public final class WrongPasswordException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super("The current password is incorrect");
    }
}
