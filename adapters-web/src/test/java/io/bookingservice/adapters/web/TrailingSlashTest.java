package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the rest of the chain (security matchers, routes) sees of a path after the trailing-slash
 * filter ({@link WebApiConfiguration#trailingSlashFilter()}, Spring's {@code UrlHandlerFilter}).
 * The route/role matrix and the recorded exchanges check the answers; this pins the paths.
 */
class TrailingSlashTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "/booking/, /booking",
        "/booking, /booking",
        "/booking/6/, /booking/6",
        "/booking/accept/, /booking/accept",
        "/users/me/, /users/me",
        "/ping/, /ping",
        "/no/such/route/, /no/such/route",
        "/booking//, /booking/",
        "/docs/, /docs",
        "/assetsy/, /assetsy",
        "/, /",
        // The console's files have exact names: a slash after one stays (and is no route).
        "/assets/app.0123456789.js/, /assets/app.0123456789.js/",
        "/assets/, /assets/",
    })
    void oneTrailingSlashIsStrippedExceptAtTheRootAndUnderAssets(String sent, String seen) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", sent);
        request.setServletPath(sent);
        request.setQueryString("limit=2");
        AtomicReference<HttpServletRequest> passedOn = new AtomicReference<>();

        WebApiConfiguration.trailingSlashFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> passedOn.set((HttpServletRequest) req));

        HttpServletRequest next = passedOn.get();
        assertThat(next.getRequestURI()).isEqualTo(seen);
        assertThat(next.getServletPath()).isEqualTo(seen);
        assertThat(next.getPathInfo()).isNull();
        assertThat(next.getRequestURL().toString()).isEqualTo("http://localhost" + seen);
        assertThat(next.getQueryString()).isEqualTo("limit=2");
    }
}
