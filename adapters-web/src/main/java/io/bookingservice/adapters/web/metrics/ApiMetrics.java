package io.bookingservice.adapters.web.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/**
 * The API's meters, on the bootstrap's {@link MeterRegistry} when it provides one; without one
 * every meter is a no-op (an empty composite registry records nothing).
 */
public final class ApiMetrics {

    private final MeterRegistry registry;

    public ApiMetrics(MeterRegistry registry) {
        this.registry = registry == null ? new CompositeMeterRegistry() : registry;
    }

    /** Request latency and count per route template (not raw path: ids would explode the series). */
    public void request(Timer.Sample sample, String method, String route, int status) {
        sample.stop(Timer.builder("http.server.requests")
                .description("HTTP requests by route template, method and status")
                .tag("method", method)
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .register(registry));
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    /** A decision that was carried out: accept, reject or cancel. */
    public void decision(String decision) {
        registry.counter("booking.decisions", "decision", decision).increment();
    }

    /** The registry {@code GET /metrics} scrapes, if there is a Prometheus one. */
    public Optional<PrometheusMeterRegistry> prometheus() {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return Optional.of(prometheus);
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            return composite.getRegistries().stream()
                    .filter(PrometheusMeterRegistry.class::isInstance)
                    .map(PrometheusMeterRegistry.class::cast)
                    .findFirst();
        }
        return Optional.empty();
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return status >= 300 ? "REDIRECTION" : "SUCCESS";
    }
}
