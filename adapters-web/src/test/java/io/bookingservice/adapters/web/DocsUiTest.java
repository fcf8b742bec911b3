package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class DocsUiTest {

    private static WebSettings docsAt(String url) {
        return new WebSettings(List.of(), url, WebSettings.DEFAULT_MAX_BODY_BYTES, true);
    }

    @Test
    void theDocsUiIsServedAtTheConfiguredUrlAndShowsThisApi() throws Exception {
        try (WebFixture web = new WebFixture(docsAt("/docs"))) {
            MockHttpServletResponse entry = web.mvc.perform(get("/docs/")).andReturn().getResponse();
            assertThat(entry.getStatus()).isEqualTo(302);
            assertThat(entry.getRedirectedUrl()).isEqualTo("/docs/index.html");

            MockHttpServletResponse page = web.mvc.perform(get("/docs/index.html")).andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString()).contains("swagger-ui-bundle.js");
            assertThat(page.getHeader("Content-Security-Policy")).startsWith("default-src 'self'");

            MockHttpServletResponse init = web.mvc.perform(get("/docs/swagger-initializer.js")).andReturn().getResponse();
            assertThat(init.getContentAsString()).contains("url: \"/openapi.json\"").doesNotContain("petstore");
        }
    }

    @Test
    void aDocsUrlWithoutLeadingSlashServesTheSameUiAndIsPublicThere() throws Exception {
        try (WebFixture web = new WebFixture(docsAt("docs/"))) {
            assertThat(web.mvc.perform(get("/docs/index.html")).andReturn().getResponse().getStatus()).isEqualTo(200);
        }
    }

    @Test
    void withoutADocsUrlThereIsNoDocsUi() throws Exception {
        try (WebFixture web = new WebFixture().seededLikeTheLegacyDatabase()) {
            assertThat(web.mvc.perform(get("/docs/index.html")).andReturn().getResponse().getStatus()).isEqualTo(401);
            assertThat(web.mvc.perform(get("/docs/index.html").header("Authorization", web.bearer("admin")))
                    .andReturn().getResponse().getStatus()).isEqualTo(404);
        }
    }
}
