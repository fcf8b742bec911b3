package io.bookingservice.adapters.web.error;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem, plus the Python service's {@code detail}: a string, or FastAPI's list of
 * {@link FieldError}s for validation failures, so that existing clients keep reading it.
 * {@code type} stays {@code about:blank}: the status and {@code title} say what happened.
 */
public record Problem(String type, String title, int status, Object detail, String instance) {

    public static Problem of(HttpStatus status, Object detail, String instance) {
        return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, instance);
    }
}
