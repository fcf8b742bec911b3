package io.bookingservice.bootstrap.wiring;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics, registered only when BOOKING_METRICS is on (off: no registry at all, so nothing is
 * recorded anywhere); served by {@link io.bookingservice.bootstrap.server.ManagementServer}.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /**
     * The most meters the registry holds; later ones are dropped (no-op meters). Every tag the
     * service writes has a small closed set of values (the web adapter's {@code ApiMetrics}, the
     * pool's fixed name), which keeps the real count near a hundred; this cap is the second line,
     * should a future meter tag something unbounded.
     */
    public static final int MAX_METERS = 1000;
    /** The most route templates {@code http.server.requests} may be tagged with (the API has about twenty). */
    public static final int MAX_URI_TAGS = 100;

    @Bean(destroyMethod = "close")
    PrometheusMeterRegistry meterRegistry() {
        return capped(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** Configures the caps; before any meter is registered, as Micrometer requires of filters. */
    public static PrometheusMeterRegistry capped(PrometheusMeterRegistry registry) {
        registry.config()
                .meterFilter(MeterFilter.maximumAllowableTags("http.server.requests", "uri", MAX_URI_TAGS,
                        MeterFilter.deny()))
                .meterFilter(MeterFilter.maximumAllowableMetrics(MAX_METERS));
        return registry;
    }
}
