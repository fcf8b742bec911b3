package io.bookingservice.adapters.web.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code GET /openapi.json}: the hand-written OpenAPI 3.1 document ({@code openapi.yaml} beside
 * this class), read once at start-up so that a broken document fails the start, not a request.
 * {@code OpenApiConformanceTest} keeps it true to the routes.
 */
@RestController
class OpenApiController {

    static final String DOCUMENT = "openapi.yaml";

    private final JsonNode document = read();

    static JsonNode read() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the classpath");
            }
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/openapi.json")
    JsonNode openApi() {
        return document;
    }
}
