package io.bookingservice.bootstrap.server;

import io.bookingservice.adapters.web.error.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Jetty reads a form body itself when a controller first asks for a parameter, and refuses one
 * over {@link HttpServer}'s form-size limit (the API's body limit) with an {@link HttpException}
 * carrying 413 (Jetty wraps it in a 400 "Unable to parse form content"). The web adapter knows no
 * Jetty classes, so it would answer them as a 500; this advice, part of the web context the server
 * mounts, answers them as the adapter answers a body that is too large (413, problem+json) or a
 * malformed one (400). It goes before the adapter's own advice, whose catch-all would win.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class JettyRequestFailures {

    private final ProblemWriter problems;

    public JettyRequestFailures(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler({HttpException.IllegalStateException.class, HttpException.IllegalArgumentException.class,
            HttpException.RuntimeException.class})
    void jettyRefusedTheRequest(RuntimeException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (code(e) == HttpStatus.CONTENT_TOO_LARGE.value()) {
            response.setHeader("Connection", "close");
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
        } else {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad Request");
        }
    }

    /** The most specific status in the cause chain: Jetty's 400 wrapper around its 413. */
    private static int code(Throwable failure) {
        int code = HttpStatus.BAD_REQUEST.value();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                code = http.getCode();
            }
        }
        return code;
    }
}
