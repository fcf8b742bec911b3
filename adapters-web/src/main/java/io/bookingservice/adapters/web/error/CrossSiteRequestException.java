package io.bookingservice.adapters.web.error;

/** A browser sent a request from a site that may not make it (e.g. a login form elsewhere); 403. */
public final class CrossSiteRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CrossSiteRequestException() {
        super("Cross-site request refused");
    }
}
