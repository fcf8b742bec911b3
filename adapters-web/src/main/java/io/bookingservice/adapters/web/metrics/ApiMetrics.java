package io.bookingservice.adapters.web.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;

/**
 * The API's meters, on the bootstrap's {@link MeterRegistry}. Without one (metrics off) nothing
 * is recorded at all: no meter, no sample, no registry lookup.
 *
 * <p>Every tag has a small closed set of values, whatever a client sends: a registry keeps one
 * series per distinct tag combination for ever, so a value taken from the request as sent (an
 * invented method name, a raw path) lets anyone grow the process's memory and the scrape
 * without bound. {@code method} is a standard method or {@code OTHER}; {@code uri} a route
 * template or {@code UNMATCHED}; {@code status} a three-digit code or {@code UNKNOWN};
 * {@code outcome} one of five words; {@code decision} one of the three decisions.
 */
public final class ApiMetrics {

    /** The methods the API or CORS pre-flights use; anything else is counted as {@code OTHER}. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final String OTHER_METHOD = "OTHER";
    static final String UNMATCHED = "UNMATCHED";

    private final MeterRegistry registry;

    /** @param registry where the meters go, or {@code null} to record nothing */
    public ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Whether anything is recorded. */
    public boolean enabled() {
        return registry != null;
    }

    /**
     * Request latency and count per route template (not raw path: ids would explode the series).
     *
     * @param sample from {@link #start()}; {@code null} when metrics are off
     * @param route  the matched route template, or {@code null} when none matched
     */
    public void request(Timer.Sample sample, String method, String route, int status) {
        if (registry == null || sample == null) {
            return;
        }
        sample.stop(Timer.builder("http.server.requests")
                .description("HTTP requests by route template, method and status")
                .tag("method", method(method))
                .tag("uri", route == null ? UNMATCHED : route)
                .tag("status", status(status))
                .tag("outcome", outcome(status))
                .register(registry));
    }

    /** @return a running sample, or {@code null} when metrics are off */
    public Timer.Sample start() {
        return registry == null ? null : Timer.start(registry);
    }

    /** A decision that was carried out: accept, reject or cancel (names fixed by the code, never by input). */
    public void decision(String decision) {
        if (registry != null) {
            registry.counter("booking.decisions", "decision", decision).increment();
        }
    }

    /** The method as a tag value; {@code get} is not {@code GET} (methods are case-sensitive), so it is {@code OTHER}. */
    static String method(String method) {
        return method != null && METHODS.contains(method) ? method : OTHER_METHOD;
    }

    static String status(int status) {
        return status >= 100 && status <= 599 ? Integer.toString(status) : "UNKNOWN";
    }

    private static String outcome(int status) {
        if (status < 100 || status > 599) {
            return "UNKNOWN";
        }
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        if (status >= 300) {
            return "REDIRECTION";
        }
        return status >= 200 ? "SUCCESS" : "INFORMATIONAL";
    }
}
