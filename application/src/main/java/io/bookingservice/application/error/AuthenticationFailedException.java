package io.bookingservice.application.error;

/**
 * Wrong username or password, or a disabled account. Deliberately one exception with
 * one message, so that the three cases cannot be told apart.
 */
public final class AuthenticationFailedException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException() {
        super("Incorrect username or password");
    }
}
