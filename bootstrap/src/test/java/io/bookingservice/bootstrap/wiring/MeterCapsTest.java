package io.bookingservice.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The second line behind the closed tag sets: however a future meter is tagged, the registry stays bounded. */
class MeterCapsTest {

    @Test
    void aMeterTaggedWithUnboundedValuesStopsAtTheCap() {
        PrometheusMeterRegistry registry = ObservabilityConfiguration.capped(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        try {
            for (int i = 0; i < 5 * ObservabilityConfiguration.MAX_METERS; i++) {
                registry.counter("careless", "value", Integer.toString(i)).increment();
            }

            assertThat(registry.getMeters()).hasSizeLessThanOrEqualTo(ObservabilityConfiguration.MAX_METERS + 1);
            assertThat(registry.scrape().lines().filter(line -> line.startsWith("careless_total{")).count())
                    .isLessThanOrEqualTo(ObservabilityConfiguration.MAX_METERS + 1);
        } finally {
            registry.close();
        }
    }

    @Test
    void requestTimersKeepAtMostTheAllowedNumberOfRoutes() {
        PrometheusMeterRegistry registry = ObservabilityConfiguration.capped(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        try {
            for (int i = 0; i < 1000; i++) {
                Timer.builder("http.server.requests").tag("uri", "/raw/" + i).register(registry)
                        .record(Duration.ofMillis(1));
            }

            assertThat(registry.getMeters().stream().map(Meter::getId)
                    .filter(id -> id.getName().equals("http.server.requests"))
                    .map(id -> id.getTag("uri")).collect(Collectors.toSet()))
                    .hasSizeLessThanOrEqualTo(ObservabilityConfiguration.MAX_URI_TAGS);
        } finally {
            registry.close();
        }
    }
}
