package io.bookingservice.adapters.web.metrics;

import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times every request, including those the security chain answers itself (401, 403), which is
 * why this is a servlet filter and not an MVC interceptor. It runs before Spring Security has
 * looked at anything, so nothing it tags may come from the request as sent: {@link ApiMetrics}
 * reduces the method, route and status to closed sets. The route is the matched pattern
 * ({@code /booking/{id}}); requests that matched none are counted under {@code UNMATCHED}.
 */
public final class RequestMetricsFilter extends OncePerRequestFilter {

    private final ApiMetrics metrics;

    public RequestMetricsFilter(ApiMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!metrics.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        Timer.Sample sample = metrics.start();
        try {
            chain.doFilter(request, response);
        } finally {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            metrics.request(sample, request.getMethod(), pattern == null ? null : pattern.toString(),
                    response.getStatus());
        }
    }
}
