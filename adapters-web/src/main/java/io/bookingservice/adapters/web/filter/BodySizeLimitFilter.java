package io.bookingservice.adapters.web.filter;

import io.bookingservice.adapters.web.error.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the limit with 413: at once when {@code Content-Length} says so, and
 * while reading otherwise (chunked uploads), so no parser ever holds more than the limit.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemWriter problems;

    public BodySizeLimitFilter(long maxBytes, ProblemWriter problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            // Closing the connection stops a client from pushing the rest of a huge body at us.
            response.setHeader("Connection", "close");
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
            return;
        }
        Limited limited = new Limited(request, maxBytes);
        try {
            chain.doFilter(limited, response);
        } finally {
            limited.drainUnread(response);
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        /**
         * Reads and discards what the application left of the body (at most the limit). An answer
         * given before the whole body was read — a 422 for JSON that broke off early, a 401 before
         * the body was looked at — otherwise ended the connection without a word: Jetty closes a
         * connection whose request content was not consumed, but the answer had no
         * {@code Connection: close}, so a client sent its next request into a closed connection
         * and read nothing back. When the rest cannot be read (over the limit, the client gone,
         * the body taken as a reader), the answer says {@code Connection: close} if it still can.
         */
        void drainUnread(HttpServletResponse response) {
            if (isAsyncStarted() || (getContentLengthLong() <= 0 && getHeader("Transfer-Encoding") == null)) {
                return;
            }
            if (stream == null && "100-continue".equalsIgnoreCase(getHeader("Expect"))) {
                // The client waits for "100 Continue" before it sends the body; it never will now.
                if (!response.isCommitted()) {
                    response.setHeader("Connection", "close");
                }
                return;
            }
            try {
                ServletInputStream in = getInputStream();
                byte[] discard = new byte[8192];
                while (in.read(discard) >= 0) {
                    // The limit bounds this loop: past it, the stream throws BodyTooLargeException.
                }
            } catch (IOException | IllegalStateException e) {
                if (!response.isCommitted()) {
                    response.setHeader("Connection", "close");
                }
            }
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
