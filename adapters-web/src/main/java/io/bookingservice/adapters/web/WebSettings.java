package io.bookingservice.adapters.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the web adapter needs from the configuration; the bootstrap builds it from the
 * environment (see {@code docs/web-api.md}). Whether legacy tokens are accepted is the decoder's
 * setting ({@code JwtSettings}), not this one.
 *
 * @param corsAllowedOrigins  origins a browser may call from (exact, e.g. {@code https://app.example.org});
 *                            empty = no cross-origin access
 * @param docsUrl             where the API documentation UI is served, or {@code null} (off, as before);
 *                            normalised by {@link #docsPath(String)}
 * @param maxBodyBytes        largest accepted request body; larger ones get 413
 * @param metricsEnabled      whether requests and decisions are metered at all (off: nothing is recorded)
 */
public record WebSettings(List<String> corsAllowedOrigins, String docsUrl,
                          long maxBodyBytes, boolean metricsEnabled) {

    /** 64 KiB: a booking request is well under 2 KiB; anything near this is not a client of ours. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    /**
     * The first segments of the API's routes and of the web console's files. The docs UI is
     * public, so it must not sit on, above or below any of them: {@code DOCS_URL=/users} would
     * open the user list to anyone, {@code DOCS_URL=/assets} would shadow the console.
     */
    static final List<String> API_ROUTES = List.of("/token", "/booking", "/users", "/ping", "/health", "/metrics",
            "/openapi.json", "/assets");

    /** Plain path segments only: no pattern syntax ({@code *}, {@code {}}) for the security matcher. */
    private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    public WebSettings {
        corsAllowedOrigins = List.copyOf(Objects.requireNonNull(corsAllowedOrigins, "corsAllowedOrigins"));
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        docsUrl = docsPath(docsUrl);
    }

    /**
     * DOCS_URL as both the docs UI and the security rules use it: with a leading slash and
     * without a trailing one ({@code docs/} becomes {@code /docs}); {@code null} or blank is
     * {@code null} (off).
     *
     * @throws IllegalArgumentException naming DOCS_URL, for {@code /}, a path that is not plain
     *                                  segments, or one on, above or below an API route
     */
    public static String docsPath(String docsUrl) {
        if (docsUrl == null || docsUrl.isBlank()) {
            return null;
        }
        String path = docsUrl.strip().replaceAll("/+$", "");
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (path.equals("/")) {
            throw new IllegalArgumentException("DOCS_URL must not be /: the docs UI needs a path of its own, such as /docs");
        }
        if (!PLAIN_PATH.matcher(path).matches() || path.matches(".*/\\.{1,2}(/.*)?")) {
            throw new IllegalArgumentException(
                    "DOCS_URL must be a plain path such as /docs (letters, digits, . _ ~ - between single slashes)");
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (String route : API_ROUTES) {
            if (lower.equals(route) || lower.startsWith(route + "/") || route.startsWith(lower + "/")) {
                throw new IllegalArgumentException("DOCS_URL must not be on, above or below the API route " + route
                        + " (the docs UI is public); use a path of its own such as /docs");
            }
        }
        return path;
    }

    public static WebSettings defaults() {
        return new WebSettings(List.of(), null, DEFAULT_MAX_BODY_BYTES, true);
    }
}
