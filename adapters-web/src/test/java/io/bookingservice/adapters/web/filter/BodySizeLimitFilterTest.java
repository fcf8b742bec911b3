package io.bookingservice.adapters.web.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.adapters.web.WebApiConfiguration;
import io.bookingservice.adapters.web.error.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodySizeLimitFilterTest {

    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(10,
            new ProblemWriter(WebApiConfiguration.jsonMapper()));

    /** A chunked upload: the container does not know the length up front. */
    private static HttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/booking");
        request.setContent(body);
        return new HttpServletRequestWrapper(request) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/booking");
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Connection")).as("the unread body ends the connection; the client is told")
                .isEqualTo("close");
        assertThat(chain.getRequest()).as("never reaches the application").isNull();
    }

    @Test
    void aChunkedBodyStopsBeingReadAtTheLimit() {
        MockFilterChain reading = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                                   jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
                req.getInputStream().readAllBytes();
            }
        });
        assertThatThrownBy(() -> filter.doFilter(chunked(new byte[11]), new MockHttpServletResponse(), reading))
                .isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void aBodyAtTheLimitIsReadWhole() throws Exception {
        byte[][] seen = new byte[1][];
        MockFilterChain reading = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                                   jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
                seen[0] = req.getInputStream().readAllBytes();
            }
        });
        filter.doFilter(chunked(new byte[10]), new MockHttpServletResponse(), reading);
        assertThat(seen[0]).hasSize(10);
    }
}
