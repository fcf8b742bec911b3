package io.bookingservice.application.error;

/**
 * A refresh token that is unknown, already used, expired, or whose session or account has ended.
 * Deliberately one exception with one message, so that the cases cannot be told apart.
 */
public final class InvalidRefreshTokenException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    public InvalidRefreshTokenException() {
        super("Invalid refresh token");
    }
}
