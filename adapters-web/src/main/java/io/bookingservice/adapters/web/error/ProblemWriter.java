package io.bookingservice.adapters.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@link Problem}s straight to the servlet response. Filters, the security chain and
 * the exception handler all answer through it, so every error has one shape, whatever the
 * client's {@code Accept} header says (content negotiation must not turn an error into a 406).
 */
public final class ProblemWriter {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** A reconnect attempt (Hikari's connection timeout) fits in this. */
    private static final String STORAGE_RETRY_AFTER_SECONDS = "5";

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Object detail)
            throws IOException {
        if (response.isCommitted()) {
            // Part of a body is already on the wire (e.g. a streamed listing); the status
            // cannot change any more, so the connection is cut by the container instead.
            throw new IOException("response already committed; cannot report " + status.value());
        }
        response.resetBuffer();
        response.setStatus(status.value());
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            // The rest of the body is never read, so the server closes the connection after this
            // answer: say so, or a client reuses it for its next request and gets no answer.
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Problem.of(status, detail, request.getRequestURI()));
    }

    /** The database cannot be reached: 503 with a hint when to retry, and nothing about why. */
    public void storageUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, STORAGE_RETRY_AFTER_SECONDS);
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "The service is temporarily unavailable");
    }

    /** A bug: 500 with a generic detail; the cause stays in the log. */
    public void internalError(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error");
    }

    /** A 401 with the {@code WWW-Authenticate} challenge FastAPI's OAuth2 scheme sent. */
    public void unauthorized(HttpServletRequest request, HttpServletResponse response, String challenge,
                             String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }
}
