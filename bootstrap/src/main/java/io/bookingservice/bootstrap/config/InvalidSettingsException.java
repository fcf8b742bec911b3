package io.bookingservice.bootstrap.config;

/**
 * A setting that is missing or wrong. The message is one line that names the setting and
 * what is allowed, never its (possibly secret) value; the command line exits with status 2.
 */
public final class InvalidSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String message) {
        super(message);
    }
}
