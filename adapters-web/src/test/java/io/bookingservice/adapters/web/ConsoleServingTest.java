package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The web console's page and files: public, cached as they should be, under their own CSP; the API's headers unchanged. */
class ConsoleServingTest {

    private static final String CONSOLE_CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final Pattern ASSET = Pattern.compile("/assets/app\\.[0-9a-f]{10}\\.js");

    private final WebFixture web = new WebFixture().seededLikeTheLegacyDatabase();

    @AfterEach
    void close() {
        web.close();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return web.mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void thePageIsPublicRevalidatedAndUnderTheConsolePolicy() throws Exception {
        MockHttpServletResponse page = send(get("/"));

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentType()).isEqualTo("text/html;charset=utf-8");
        assertThat(page.getHeader("Content-Security-Policy")).isEqualTo(CONSOLE_CSP);
        assertThat(page.getHeaders("Cache-Control")).containsExactly("no-cache");
        assertThat(page.getHeader("Pragma")).isNull();
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        String etag = page.getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{20}\"");
        assertThat(page.getContentAsString()).doesNotContain("/assets/app.js").containsPattern(ASSET)
                .doesNotContain("<script>", "style=");

        MockHttpServletResponse unchanged = send(get("/").header("If-None-Match", etag));
        assertThat(unchanged.getStatus()).isEqualTo(304);
        assertThat(unchanged.getContentAsString()).isEmpty();
        assertThat(send(get("/").header("If-None-Match", "\"stale\"")).getStatus()).isEqualTo(200);
    }

    @Test
    void filesAreServedUnderTheirContentHashForAYearAndOnlyThere() throws Exception {
        Matcher app = ASSET.matcher(send(get("/")).getContentAsString());
        assertThat(app.find()).isTrue();

        MockHttpServletResponse script = send(get(app.group()));
        assertThat(script.getStatus()).isEqualTo(200);
        assertThat(script.getContentType()).isEqualTo("text/javascript;charset=utf-8");
        assertThat(script.getHeaders("Cache-Control")).containsExactly("public, max-age=31536000, immutable");
        assertThat(script.getHeader("Content-Security-Policy")).isEqualTo(CONSOLE_CSP);
        assertThat(script.getContentAsString()).as("its imports point at hashed names too")
                .containsPattern("from '/assets/api\\.[0-9a-f]{10}\\.js'").doesNotContain("'/assets/api.js'");

        MockHttpServletResponse plain = send(get("/assets/app.js"));
        assertThat(plain.getStatus()).isEqualTo(404);
        assertThat(plain.getContentType()).startsWith("application/problem+json");
        assertThat(send(get(app.group() + "/")).getStatus())
                .as("not rewritten to the file by the slash filter, so an unknown route: deny by default").isEqualTo(401);
    }

    @Test
    void apiRoutesKeepTheirStrictPolicyAndNoStore() throws Exception {
        for (MockHttpServletResponse api : List.of(send(get("/booking").header("Authorization", web.bearer("admin"))),
                send(get("/booking")), send(get("/ping")))) {
            assertThat(api.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(api.getHeader("Cache-Control")).contains("no-store");
        }
        assertThat(send(get("/booking")).getStatus()).as("the console did not open the API").isEqualTo(401);
    }

    @Test
    void docsUrlMayNotShadowTheConsole() {
        assertThatThrownBy(() -> WebSettings.docsPath("/assets")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/assets");
        assertThatThrownBy(() -> WebSettings.docsPath("/assets/docs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebSettings.docsPath("/")).isInstanceOf(IllegalArgumentException.class);
    }
}
