package io.bookingservice.bootstrap.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per request: request id, method, route, status, latency, user. The request id
 * is the caller's {@code X-Request-Id} when it is a sane token, else a new one; it is echoed
 * back and put in the MDC ({@code request_id}, the web adapter's key) so every line logged for
 * the request carries it. When the web adapter's own request-id filter replaces it inside the
 * chain, the line logs the id the client finally received. The route is the
 * matched pattern ({@code /booking/{id}/}), not the raw path, and the query string is never
 * logged: neither can then leak a token or a password into the log.
 */
public final class RequestLogFilter extends HttpFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    /** Request attribute the security side sets to the authenticated username. */
    public static final String USER_ATTRIBUTE = RequestLogFilter.class.getName() + ".user";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger("io.bookingservice.request");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String MDC_KEY = "request_id";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String offered = request.getHeader(REQUEST_ID);
        String requestId = offered != null && SANE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        response.setHeader(REQUEST_ID, requestId);
        long start = System.nanoTime();
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            Object user = request.getAttribute(USER_ATTRIBUTE);
            if (user == null && request.getUserPrincipal() != null) {
                user = request.getUserPrincipal().getName();
            }
            String finalId = response.getHeader(REQUEST_ID);
            MDC.put(MDC_KEY, finalId != null ? finalId : requestId);
            LOG.info("{} {} {} {}ms user={}", request.getMethod(), route != null ? route : "(unmatched)", response.getStatus(),
                    millis(micros), user != null ? user : "-");
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * Milliseconds with one decimal, rounded half up: what {@code String.format("%.1f")} wrote,
     * without its formatter, which was 1.5 % of the CPU of {@code GET /booking/{id}/} under load
     * (async-profiler; docs/operations.md, "Request path").
     */
    static String millis(long micros) {
        long tenths = (micros + 50) / 100;
        return Long.toString(tenths / 10) + '.' + tenths % 10;
    }
}
