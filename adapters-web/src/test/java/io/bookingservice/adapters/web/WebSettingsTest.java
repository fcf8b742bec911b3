package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSettingsTest {

    private static WebSettings docsAt(String url) {
        return new WebSettings(List.of(), url, WebSettings.DEFAULT_MAX_BODY_BYTES, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "docs", "/docs/", "docs/", " /docs// "})
    void docsUrlGetsOneLeadingSlashAndNoTrailingOne(String url) {
        assertThat(docsAt(url).docsUrl()).isEqualTo("/docs");
    }

    @Test
    void nestedDocsUrlKeepsItsSegments() {
        assertThat(docsAt("api-docs/v1/").docsUrl()).isEqualTo("/api-docs/v1");
    }

    @Test
    void missingOrBlankDocsUrlMeansNoDocsUi() {
        assertThat(docsAt(null).docsUrl()).isNull();
        assertThat(docsAt("  ").docsUrl()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "//", "/token", "users", "/users/", "/users/me", "/booking", "/booking/docs", "/BOOKING",
        "/ping", "/health", "/health/live", "/metrics", "/openapi.json", "/openapi.json/ui"})
    void docsUrlOnAnApiRouteOrTheRootIsRefused(String url) {
        assertThatThrownBy(() -> docsAt(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DOCS_URL must");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/**", "/docs/*", "/{x}", "/docs//ui", "/docs/../users", "/./docs", "/do cs", "/docs?x=1"})
    void docsUrlThatIsNotAPlainPathIsRefused(String url) {
        assertThatThrownBy(() -> docsAt(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DOCS_URL must");
    }

    @Test
    void pathsThatOnlyLookLikeApiRoutesAreAllowed() {
        assertThat(docsAt("/users-docs").docsUrl()).isEqualTo("/users-docs");
        assertThat(docsAt("/docs/booking").docsUrl()).isEqualTo("/docs/booking");
    }
}
