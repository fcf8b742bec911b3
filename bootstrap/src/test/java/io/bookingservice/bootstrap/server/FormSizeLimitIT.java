package io.bookingservice.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.adapters.web.WebSettings;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunked form (no {@code Content-Length}) is read by Jetty, not through the web adapter's body
 * limit: Jetty's form-size limit, set to the same 64 KiB, must hold it, and its refusal must be the
 * API's 413 problem, not a 500. The real server and web layer, in-memory persistence.
 */
class FormSizeLimitIT {

    private static final String PASSWORD = "Admin-Pass-2024!";

    @TempDir
    Path dataDirectory;

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        service = InMemoryService.start(dataDirectory, PASSWORD);
    }

    @AfterEach
    void stop() {
        service.stop();
    }

    @Test
    void aChunkedFormOverTheBodyLimitIsRefusedWith413() throws Exception {
        HttpResponse<String> response = postChunkedForm(form(WebSettings.DEFAULT_MAX_BODY_BYTES + 1));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"Request body too large\"").doesNotContain(PASSWORD);
    }

    @Test
    void aChunkedFormJustUnderTheLimitStillLogsIn() throws Exception {
        HttpResponse<String> response = postChunkedForm(form(WebSettings.DEFAULT_MAX_BODY_BYTES));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"access_token\"", "\"token_type\":\"bearer\"");
    }

    /** The admin's login form, padded with an ignored field to exactly {@code size} bytes. */
    private static byte[] form(long size) {
        String login = "username=admin&password=" + PASSWORD.replace("!", "%21") + "&padding=";
        String padded = login + "x".repeat(Math.toIntExact(size - login.length()));
        byte[] body = padded.getBytes(StandardCharsets.US_ASCII);
        assertThat(body).hasSize(Math.toIntExact(size));
        return body;
    }

    private HttpResponse<String> postChunkedForm(byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                // A stream of unknown length: sent chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
