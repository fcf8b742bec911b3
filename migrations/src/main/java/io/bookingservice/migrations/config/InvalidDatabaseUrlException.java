package io.bookingservice.migrations.config;

/** A database URL or secret that cannot be used; the message never quotes the value. */
public final class InvalidDatabaseUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
