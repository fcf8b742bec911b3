package io.bookingservice.adapters.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Strips one trailing slash from the path ({@code /booking/} → {@code /booking}, never {@code /}),
 * so that routes and security matchers only ever see the slash-less form: {@code /users/} cannot
 * slip past a rule for {@code /users}. Must run before the Spring Security filter chain.
 * Both forms are served directly (the Python service answered the slash-less one with a 307).
 * The web console's files ({@code /assets/…}) are left alone: they have exact names, and a
 * relative reference resolved against {@code /assets/app.js/} must not load the same file.
 */
public final class TrailingSlashFilter extends OncePerRequestFilter {

    private static final String CONSOLE_ASSETS = "/assets/";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        if (uri.length() > contextPath.length() + 1 && uri.endsWith("/")
                && !uri.startsWith(contextPath + CONSOLE_ASSETS)) {
            chain.doFilter(new Stripped(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class Stripped extends HttpServletRequestWrapper {

        Stripped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return strip(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            if (url.length() > 0 && url.charAt(url.length() - 1) == '/') {
                url.setLength(url.length() - 1);
            }
            return url;
        }

        @Override
        public String getServletPath() {
            String path = super.getServletPath();
            return getPathInfo() == null && path.length() > 1 ? strip(path) : path;
        }

        @Override
        public String getPathInfo() {
            String info = super.getPathInfo();
            return info == null || info.length() <= 1 ? info : strip(info);
        }

        private static String strip(String path) {
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }
}
