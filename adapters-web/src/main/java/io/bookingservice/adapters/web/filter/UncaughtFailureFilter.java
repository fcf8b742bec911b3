package io.bookingservice.adapters.web.filter;

import io.bookingservice.adapters.web.error.ProblemWriter;
import io.bookingservice.application.error.StorageUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last line of defence for failures that never reach MVC's exception handlers: those
 * thrown in filters, e.g. the security chain loading the user while the database is down.
 * Without it the container renders its own HTML error page, naming the exception. Here they
 * get the same problem answers as everywhere else: 503 for an unreachable database, else a
 * bare 500, the cause only in the log.
 */
public final class UncaughtFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UncaughtFailureFilter.class);

    private final ProblemWriter problems;

    public UncaughtFailureFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (response.isCommitted()) {
                // Too late for an answer of our own: let the container cut the connection.
                throw e;
            }
            if (storageUnavailable(e)) {
                log.warn("storage unavailable: {}", e.getMessage());
                problems.storageUnavailable(request, response);
            } else {
                log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
                problems.internalError(request, response);
            }
        }
    }

    private static boolean storageUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
