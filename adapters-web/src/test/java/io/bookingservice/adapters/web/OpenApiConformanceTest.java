package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code /openapi.json} true: every route the application maps is documented with its
 * methods and nothing else is, every {@code $ref} resolves, and every request recorded against
 * the Python service is a documented operation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiConformanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final WebFixture web = new WebFixture();
    private final JsonNode document;

    OpenApiConformanceTest() throws Exception {
        MockHttpServletResponse response = web.mvc.perform(get("/openapi.json")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        document = JSON.readTree(response.getContentAsString());
    }

    @AfterAll
    void close() {
        web.close();
    }

    @Test
    void isAnOpenApi31Document() {
        assertThat(document.get("openapi").stringValue()).isEqualTo("3.1.0");
        assertThat(document.get("info").get("title").isString()).isTrue();
    }

    @Test
    void documentsExactlyTheMappedRoutesAndMethods() {
        Set<String> mapped = new TreeSet<>();
        RequestMappingHandlerMapping mapping = web.context.getBean(RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    mapped.add(method.name() + " " + path);
                }
            }
        }
        assertThat(mapped).as("the scan found the controllers").hasSizeGreaterThanOrEqualTo(20);
        assertThat(documentedOperations()).isEqualTo(mapped);
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(document.at(JsonPointer.compile(ref.substring(1))).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void everyOperationDocumentsItsAnswers() {
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey()))
                .forEach(op -> {
                    JsonNode responses = op.getValue().get("responses");
                    assertThat(responses).as(op.getKey() + " " + path.getKey()).isNotNull();
                    boolean open = op.getValue().has("security") && op.getValue().get("security").isEmpty();
                    if (!open) {
                        assertThat(responses.has("401")).as(op.getKey() + " " + path.getKey() + " documents 401")
                                .isTrue();
                    }
                }));
    }

    @Test
    void everyRecordedRequestOfThePythonServiceIsADocumentedOperation() throws Exception {
        Set<String> operations = documentedOperations();
        try (InputStream in = getClass().getResourceAsStream("/legacy-http/exchanges.json")) {
            for (JsonNode exchange : JSON.readTree(in)) {
                JsonNode request = exchange.get("request");
                String path = strip(request.get("path").stringValue());
                String method = request.get("method").stringValue();
                assertThat(operations.stream().anyMatch(op -> matches(op, method, path)))
                        .as(method + " " + path).isTrue();
            }
        }
    }

    private Set<String> documentedOperations() {
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().propertyNames().stream()
                .filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase() + " " + strip(path.getKey()))));
        return documented;
    }

    private static boolean matches(String operation, String method, String path) {
        String[] parts = operation.split(" ", 2);
        return parts[0].equals(method) && path.matches(parts[1].replaceAll("\\{[^}]+}", "[^/]+"));
    }

    /** The document shows the Python service's slashed paths; routes are matched without the slash. */
    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(member -> {
                if (member.getKey().equals("$ref")) {
                    refs.add(member.getValue().stringValue());
                } else {
                    collectRefs(member.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }
}
