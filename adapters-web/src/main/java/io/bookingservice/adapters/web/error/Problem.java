package io.bookingservice.adapters.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem, plus the Python service's {@code detail}: a string, or FastAPI's list of
 * {@link FieldError}s for validation failures, so that existing clients keep reading it.
 * {@code type} stays {@code about:blank}: the status and {@code title} say what happened.
 * {@code instance} is the request's path; it is left out only where there is no path to name
 * (a request Jetty refused before parsing it).
 */
public record Problem(String type, String title, int status, Object detail,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String instance) {

    public static Problem of(HttpStatus status, Object detail, String instance) {
        return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, instance);
    }
}
