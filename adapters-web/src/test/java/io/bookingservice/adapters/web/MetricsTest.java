package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.micrometer.core.instrument.Meter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;

class MetricsTest {

    private static final Set<String> METHOD_TAGS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "OTHER");

    @Test
    void requestsAreCountedPerRouteTemplateAndStatusAndDecisionsPerKind() throws Exception {
        try (WebFixture web = new WebFixture().seededLikeTheLegacyDatabase()) {
            String admin = web.bearer("admin");
            web.mvc.perform(get("/booking/4/").header("Authorization", admin));
            web.mvc.perform(get("/booking/5").header("Authorization", admin));
            web.mvc.perform(get("/booking/5"));
            web.mvc.perform(post("/booking/4/accept").header("Authorization", admin));

            List<String> lines = web.meters.scrape().lines().toList();
            assertThat(lines).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("uri=\"/booking/{id}\"") && line.contains("status=\"200\"")
                    && line.contains("method=\"GET\"") && line.endsWith(" 2"));
            // Refused by the security chain before any route matched: still counted.
            assertThat(lines).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("status=\"401\"") && line.endsWith(" 1"));
            assertThat(lines).anyMatch(line -> line.startsWith("booking_decisions_total{")
                    && line.contains("decision=\"accept\"") && line.endsWith(" 1.0"));
            assertThat(lines).noneMatch(line -> line.contains("uri=\"/booking/4"));
        }
    }

    /** Issue 9 §1: 2,000 invented methods made 6,000 series; every one must land in OTHER. */
    @Test
    void inventedMethodsAreCountedAsOtherSoTheyCannotGrowTheRegistry() throws Exception {
        try (WebFixture web = new WebFixture()) {
            for (int i = 0; i < 500; i++) {
                web.mvc.perform(request(HttpMethod.valueOf("X%07dAAAA".formatted(i)), "/ping"));
                web.mvc.perform(request(HttpMethod.valueOf("X%07dAAAA".formatted(i)), "/booking/" + i));
            }
            web.mvc.perform(request(HttpMethod.valueOf("get"), "/ping"));
            web.mvc.perform(get("/ping"));

            List<Meter> requests = web.meters.getMeters().stream()
                    .filter(meter -> meter.getId().getName().equals("http.server.requests")).toList();
            Set<String> methods = requests.stream().map(meter -> meter.getId().getTag("method"))
                    .collect(Collectors.toSet());
            assertThat(methods).isSubsetOf(METHOD_TAGS).contains("OTHER", "GET");
            assertThat(requests.stream().map(meter -> meter.getId().getTag("uri")).collect(Collectors.toSet()))
                    .allMatch(uri -> uri.equals("UNMATCHED") || uri.startsWith("/") && !uri.matches(".*\\d.*"));
            assertThat(requests).hasSizeLessThan(10);
        }
    }

    /** Issue 9 §1: {@code BOOKING_METRICS=off} still recorded every request into the registry. */
    @Test
    void switchedOffNothingIsRecordedEvenIntoARegistryThatIsThere() throws Exception {
        WebSettings off = new WebSettings(List.of(), null, WebSettings.DEFAULT_MAX_BODY_BYTES, false);
        try (WebFixture web = new WebFixture(off).seededLikeTheLegacyDatabase()) {
            String admin = web.bearer("admin");
            web.mvc.perform(get("/booking/4").header("Authorization", admin));
            web.mvc.perform(post("/booking/4/accept").header("Authorization", admin));
            web.mvc.perform(request(HttpMethod.valueOf("BREW"), "/ping"));

            assertThat(web.meters.getMeters()).isEmpty();
        }
    }

    /** The registry is served on the bootstrap's management port; the public one answers 404 to anyone. */
    @Test
    void thePublicPortNoLongerServesMetrics() throws Exception {
        try (WebFixture web = new WebFixture().seededLikeTheLegacyDatabase()) {
            web.mvc.perform(get("/ping"));
            MockHttpServletResponse anonymous = web.mvc.perform(get("/metrics")).andReturn().getResponse();
            assertThat(anonymous.getStatus()).isEqualTo(404);
            assertThat(anonymous.getContentAsString()).doesNotContain("http_server_requests");
            assertThat(web.mvc.perform(get("/metrics").header("Authorization", web.bearer("admin")))
                    .andReturn().getResponse().getStatus()).isEqualTo(404);
        }
    }
}
