package io.bookingservice.bootstrap.secrets;

/** A secret that does not exist or cannot be read; the message names the secret, never a value. */
public final class SecretUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
