package io.bookingservice.adapters.web.metrics;

import io.bookingservice.adapters.web.WebSettings;
import io.bookingservice.application.error.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /metrics}: Prometheus text, when enabled and a Prometheus registry is there. */
@RestController
class MetricsController {

    private static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain;version=0.0.4;charset=utf-8");

    private final ApiMetrics metrics;
    private final WebSettings settings;

    MetricsController(ApiMetrics metrics, WebSettings settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    @GetMapping("/metrics")
    ResponseEntity<String> scrape() {
        if (!settings.metricsEnabled()) {
            throw new NotFoundException("Not Found");
        }
        return metrics.prometheus()
                .map(registry -> ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(registry.scrape()))
                .orElseThrow(() -> new NotFoundException("Not Found"));
    }
}
