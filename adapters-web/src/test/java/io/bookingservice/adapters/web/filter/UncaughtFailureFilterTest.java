package io.bookingservice.adapters.web.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.adapters.web.WebApiConfiguration;
import io.bookingservice.adapters.web.error.ProblemWriter;
import io.bookingservice.application.error.StorageUnavailableException;
import jakarta.servlet.FilterChain;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class UncaughtFailureFilterTest {

    private final UncaughtFailureFilter filter = new UncaughtFailureFilter(
            new ProblemWriter(WebApiConfiguration.jsonMapper()));
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/booking/");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void anUnreachableDatabaseInAFilterIsA503ProblemWithRetryAfter() throws Exception {
        FilterChain userLookupFails = (req, res) -> {
            throw new StorageUnavailableException("The database is unavailable (find user by name)",
                    new SQLException("Connection to db.internal:5432 refused", "08001"));
        };

        filter.doFilter(request, response, userLookupFails);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString())
                .contains("\"detail\":\"The service is temporarily unavailable\"")
                .doesNotContain("db.internal", "find user", "Exception");
    }

    @Test
    void anyOtherFailureIsABare500ProblemThatNamesNothing() throws Exception {
        FilterChain bug = (req, res) -> {
            throw new IllegalStateException("secret internals: token table corrupt");
        };

        filter.doFilter(request, response, bug);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"detail\":\"Internal Server Error\"")
                .doesNotContain("secret", "IllegalStateException");
    }

    @Test
    void aFailureAfterTheResponseIsCommittedIsLeftToTheContainer() {
        FilterChain failsMidStream = (req, res) -> {
            res.getWriter().write("{\"bookings\":[");
            res.flushBuffer();
            throw new IllegalStateException("stream broke");
        };

        assertThatThrownBy(() -> filter.doFilter(request, response, failsMidStream))
                .isInstanceOf(IllegalStateException.class);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void requestsThatSucceedPassUntouched() throws Exception {
        filter.doFilter(request, response, (req, res) -> res.getWriter().write("ok"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("ok");
    }
}
