package io.bookingservice.adapters.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.adapters.web.WebApiConfiguration;
import io.bookingservice.adapters.web.security.HashingSaturatedException;
import io.bookingservice.application.error.IdempotencyKeyInProgressException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Answers for failures the fakes behind the web tests cannot produce. */
class ApiExceptionHandlerTest {

    private final JsonMapper json = WebApiConfiguration.jsonMapper();
    private final ApiExceptionHandler handler = new ApiExceptionHandler(new ProblemWriter(json));
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/token");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void saturatedPasswordHashingIsA503WithRetryAfter() throws Exception {
        handler.hashingSaturated(new HashingSaturatedException(Duration.ofSeconds(3)), request, response);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("3");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("detail").stringValue()).isEqualTo("The service is busy; try again later");
        assertThat(problem.get("instance").stringValue()).isEqualTo("/token");
    }

    @Test
    void anIdempotencyKeyStillInProgressIsAConflict() throws Exception {
        handler.conflict(new IdempotencyKeyInProgressException(), request, response);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(json.readTree(response.getContentAsString()).get("detail").stringValue())
                .contains("still in progress");
    }
}
