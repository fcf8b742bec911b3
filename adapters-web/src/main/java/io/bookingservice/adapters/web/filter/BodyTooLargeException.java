package io.bookingservice.adapters.web.filter;

import java.io.IOException;

/** A request body went past the configured limit while it was being read; answered with 413. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
