package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class MetricsTest {

    @Test
    void requestsAreCountedPerRouteTemplateAndStatusAndDecisionsPerKind() throws Exception {
        try (WebFixture web = new WebFixture().seededLikeTheLegacyDatabase()) {
            String admin = web.bearer("admin");
            web.mvc.perform(get("/booking/4/").header("Authorization", admin));
            web.mvc.perform(get("/booking/5").header("Authorization", admin));
            web.mvc.perform(get("/booking/5"));
            web.mvc.perform(post("/booking/4/accept").header("Authorization", admin));

            MockHttpServletResponse response = web.mvc.perform(get("/metrics")).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentType()).startsWith("text/plain");
            List<String> lines = response.getContentAsString().lines().toList();
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

    @Test
    void metricsAreNotServedWhenSwitchedOff() throws Exception {
        WebSettings off = new WebSettings(List.of(), null, WebSettings.DEFAULT_MAX_BODY_BYTES, false);
        try (WebFixture web = new WebFixture(off).seededLikeTheLegacyDatabase()) {
            assertThat(web.mvc.perform(get("/metrics")).andReturn().getResponse().getStatus()).isEqualTo(401);
            assertThat(web.mvc.perform(get("/metrics").header("Authorization", web.bearer("admin")))
                    .andReturn().getResponse().getStatus()).isEqualTo(404);
        }
    }
}
