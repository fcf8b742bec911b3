package io.bookingservice.adapters.web;

import java.util.List;
import java.util.Objects;

/**
 * What the web adapter needs from the configuration; the bootstrap builds it from the
 * environment (see {@code docs/web-api.md}). Whether legacy tokens are accepted is the decoder's
 * setting ({@code JwtSettings}), not this one.
 *
 * @param corsAllowedOrigins  origins a browser may call from (exact, e.g. {@code https://app.example.org});
 *                            empty = no cross-origin access
 * @param docsUrl             where the API documentation UI is served, or {@code null} (off, as before)
 * @param maxBodyBytes        largest accepted request body; larger ones get 413
 * @param metricsEnabled      whether {@code GET /metrics} is served
 */
public record WebSettings(List<String> corsAllowedOrigins, String docsUrl,
                          long maxBodyBytes, boolean metricsEnabled) {

    /** 64 KiB: a booking request is well under 2 KiB; anything near this is not a client of ours. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public WebSettings {
        corsAllowedOrigins = List.copyOf(Objects.requireNonNull(corsAllowedOrigins, "corsAllowedOrigins"));
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (docsUrl != null && docsUrl.isBlank()) {
            docsUrl = null;
        }
    }

    public static WebSettings defaults() {
        return new WebSettings(List.of(), null, DEFAULT_MAX_BODY_BYTES, true);
    }
}
