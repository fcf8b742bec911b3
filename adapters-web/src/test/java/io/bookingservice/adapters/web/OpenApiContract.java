package io.bookingservice.adapters.web;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import com.networknt.schema.path.PathType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Holds every exchange a web test performs to {@code openapi.yaml} — its schemas, not only its
 * routes. {@link WebFixture} installs it on its MockMvc with {@code alwaysDo}, so each
 * {@code mvc.perform(...)} of every web test (the replayed legacy exchanges included) is checked
 * after the service has answered, and a breach fails that test with an {@link AssertionError}
 * naming the operation, the status, the content type and the JSON pointer of each error.
 *
 * <p>The document is read from the class path (the file {@code /openapi.json} serves) into a
 * networknt {@link SchemaRegistry} under the OpenAPI 3.1 base dialect (JSON Schema 2020-12 plus
 * OpenAPI's vocabulary, format assertions on, a keyword it does not know refused rather than
 * ignored), so every {@code $ref} into {@code components/schemas} resolves inside the one
 * document.
 *
 * <h2>The rules</h2>
 * <ol>
 *   <li><b>The operation</b> is the documented path template (its trailing slash, the Python
 *       service's, dropped) that matches the path as the service routes it — the service's own
 *       trailing-slash filter is run over the request — and has the request's method, compared
 *       case-sensitively ({@code HEAD} counts as {@code GET}); the most literal template wins, as
 *       in Spring ({@code /users/me/sessions} over {@code /users/{username}/sessions}).</li>
 *   <li><b>Every response of an operation is documented.</b> Its status must be listed (exactly,
 *       as a range like {@code 4XX}, or as {@code default}); a status the document does not list
 *       is a failure — an undocumented answer is a documentation bug. If that response documents
 *       no content the body must be empty; otherwise the response's media type must be one it
 *       lists, and a JSON body ({@code application/json}, {@code …+json}) must be valid against
 *       the listed schema. Other media types (HTML, JavaScript…) are checked for type only. The
 *       one status that need not be listed is 500: it is the service failing, not an answer of
 *       the contract, so it only has to be an {@code application/problem+json} valid against
 *       {@code components/schemas/Problem} (tests provoke it on purpose).</li>
 *   <li><b>Requests are held to the document by what the service does with them.</b> Tests send
 *       deliberately broken bodies (malformed JSON, wrong types, the wrong content type) to prove
 *       the service refuses them, so a request body is never itself a failure. Instead every
 *       request body of an operation that documents one is classified: it <em>conforms</em> when
 *       its media type is listed and, for JSON, it parses and is valid against the listed schema
 *       (a form, {@code /token}'s, is validated as the object of its fields, each a string); a
 *       missing body where the document requires one does not conform. A request that does
 *       not conform must be refused: a 2xx or 3xx answer to it means the service accepts what
 *       its document rules out (a schema stricter than the service, or a service laxer than its
 *       contract), and that is a failure (a 5xx is judged by the response rule above). A conforming request may still be
 *       refused (rules a schema cannot state: an event time in the past, an unknown country).</li>
 *   <li><b>A request that is no documented operation</b> (an unknown path, a method the path does
 *       not have, a CORS preflight, {@code /metrics}, the documentation UI) has no contract of
 *       its own; but any JSON it is answered with must be an RFC 9457 problem valid against
 *       {@code components/schemas/Problem}, as the document promises for every error.</li>
 * </ol>
 *
 * <p>The counts of validated bodies are kept for the whole test run and printed at its end
 * ({@link OpenApiContractSummary}), so the check visibly ran.
 */
final class OpenApiContract implements ResultHandler {

    static final String DOCUMENT = "io/bookingservice/adapters/web/docs/openapi.yaml";
    /** The name the document is registered under; never fetched (the registry serves it from memory). */
    private static final String DOCUMENT_IRI = "https://booking-service.test/openapi.json";
    private static final String PROBLEM_POINTER = "/components/schemas/Problem";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Map<String, String> METHODS = Map.of("GET", "get", "PUT", "put", "POST", "post",
            "DELETE", "delete", "OPTIONS", "options", "PATCH", "patch", "TRACE", "trace");
    private static final Filter TRAILING_SLASH = WebApiConfiguration.trailingSlashFilter();

    static final AtomicLong EXCHANGES = new AtomicLong();
    static final AtomicLong OPERATIONS = new AtomicLong();
    static final AtomicLong REQUEST_BODIES = new AtomicLong();
    static final AtomicLong RESPONSE_BODIES = new AtomicLong();

    private static volatile OpenApiContract shared;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<PathTemplate> paths;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** The contract of the document the service serves, read once per test run. */
    static OpenApiContract ofServedDocument() {
        OpenApiContract contract = shared;
        if (contract == null) {
            synchronized (OpenApiContract.class) {
                contract = shared;
                if (contract == null) {
                    contract = new OpenApiContract(readDocument());
                    shared = contract;
                }
            }
        }
        return contract;
    }

    OpenApiContract(JsonNode document) {
        this.document = document;
        String text = JSON.writeValueAsString(document);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        // OpenAPI 3.1's base dialect, except that a keyword it does not know is an error rather than
        // ignored: a YAML slip (an unquoted comma in a flow mapping) otherwise turns into silent junk.
        Dialect dialect = Dialect.builder(Dialects.getOpenApi31())
                .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemaRegistryConfig(config)
                .schemas(Map.of(DOCUMENT_IRI, text)));
        List<PathTemplate> templates = new ArrayList<>();
        document.get("paths").properties().forEach(path -> templates.add(PathTemplate.of(path.getKey())));
        templates.sort(Comparator.comparingInt(PathTemplate::variables));
        this.paths = List.copyOf(templates);
    }

    static JsonNode readDocument() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("no " + DOCUMENT + " on the class path");
            }
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(MvcResult result) {
        List<String> violations = check(result.getRequest(), result.getResponse());
        if (!violations.isEmpty()) {
            throw new AssertionError("The exchange breaks openapi.yaml:\n  " + String.join("\n  ", violations));
        }
    }

    /** The breaches of the document in one exchange; empty when it conforms. */
    List<String> check(MockHttpServletRequest request, MockHttpServletResponse response) {
        EXCHANGES.incrementAndGet();
        String method = request.getMethod();
        String path = routedPath(request);
        List<String> violations = new ArrayList<>();
        Optional<Operation> found = operationFor(method, path);
        if (found.isEmpty()) {
            checkUndocumented(method + " " + path, response, violations);
            return violations;
        }
        OPERATIONS.incrementAndGet();
        Operation operation = found.get();
        checkResponse(operation, method, response, violations);
        Optional<String> refusal = requestRefusal(operation, request);
        if (refusal.isPresent() && response.getStatus() < 400) {
            violations.add(operation + " answered " + response.getStatus() + " to a request the document rules out: "
                    + refusal.get());
        }
        return violations;
    }

    private Optional<Operation> operationFor(String method, String path) {
        // Methods are case-sensitive (RFC 9110): "get" is no GET, and the service answers it 400.
        String key = method.equals("HEAD") ? "get" : METHODS.get(method);
        if (key == null) {
            return Optional.empty();
        }
        for (PathTemplate template : paths) {
            JsonNode item = document.get("paths").get(template.text());
            if (item.has(key) && template.matches(path)) {
                return Optional.of(new Operation(key, template.text(), item.get(key)));
            }
        }
        return Optional.empty();
    }

    private void checkResponse(Operation operation, String method, MockHttpServletResponse response,
                               List<String> violations) {
        int status = response.getStatus();
        JsonNode responses = operation.node().get("responses");
        String key = responses.has(Integer.toString(status)) ? Integer.toString(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX"
                : responses.has("default") ? "default" : null;
        String at = operation + " → " + status;
        if (key == null && status == 500) {
            checkFailure(at, response, violations);
            return;
        }
        if (key == null) {
            violations.add(at + ": the document lists no such status (it lists "
                    + String.join(", ", responses.propertyNames()) + ")");
            return;
        }
        String pointer = "/paths/" + escape(operation.path()) + "/" + operation.method() + "/responses/" + key;
        Located documented = resolve(pointer);
        byte[] body = response.getContentAsByteArray();
        JsonNode content = documented.node().get("content");
        if (content == null || content.isEmpty()) {
            if (body.length > 0) {
                violations.add(at + ": the document gives this answer no body, the service sent " + body.length
                        + " bytes of " + response.getContentType());
            }
            return;
        }
        String mediaType = mediaType(response.getContentType());
        if (mediaType == null || !content.has(mediaType)) {
            violations.add(at + ": content type " + response.getContentType() + " is not among the documented "
                    + String.join(", ", content.propertyNames()));
            return;
        }
        if (method.equals("HEAD") || !isJson(mediaType) || !content.get(mediaType).has("schema")) {
            return;
        }
        String schemaPointer = documented.pointer() + "/content/" + escape(mediaType) + "/schema";
        validate(at + " " + mediaType, schemaPointer, body, violations);
        RESPONSE_BODIES.incrementAndGet();
    }

    /** Why the request falls outside the document, or empty when it conforms (or has no body to judge). */
    private Optional<String> requestRefusal(Operation operation, MockHttpServletRequest request) {
        JsonNode requestBody = operation.node().get("requestBody");
        if (requestBody == null) {
            return Optional.empty();
        }
        Located documented = resolve("/paths/" + escape(operation.path()) + "/" + operation.method() + "/requestBody");
        String mediaType = mediaType(request.getContentType());
        byte[] body = request.getContentAsByteArray();
        JsonNode form = FORM.equals(mediaType) ? formFields(request) : null;
        boolean empty = form != null ? form.isEmpty() : body == null || body.length == 0;
        if (empty) {
            return documented.node().path("required").asBoolean(false) ? Optional.of("its required body is missing")
                    : Optional.empty();
        }
        JsonNode content = documented.node().get("content");
        if (mediaType == null || !content.has(mediaType)) {
            return Optional.of("content type " + request.getContentType() + " is not among the documented "
                    + String.join(", ", content.propertyNames()));
        }
        if (!(form != null || isJson(mediaType)) || !content.get(mediaType).has("schema")) {
            return Optional.empty();
        }
        List<String> errors = new ArrayList<>();
        String schemaPointer = documented.pointer() + "/content/" + escape(mediaType) + "/schema";
        String at = "its " + mediaType + " body";
        if (form != null) {
            validate(at, schemaPointer, form, errors);
        } else {
            validate(at, schemaPointer, body, errors);
        }
        REQUEST_BODIES.incrementAndGet();
        return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
    }

    /**
     * A form body as the object its schema describes: each field a string (an array when
     * repeated). MockMvc carries form fields as request parameters, so the query string's are
     * left out.
     */
    private static JsonNode formFields(MockHttpServletRequest request) {
        Set<String> inQuery = new HashSet<>();
        if (request.getQueryString() != null) {
            for (String pair : request.getQueryString().split("&")) {
                inQuery.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
            }
        }
        ObjectNode fields = JSON.createObjectNode();
        request.getParameterMap().forEach((name, values) -> {
            if (inQuery.contains(name)) {
                return;
            }
            if (values.length == 1) {
                fields.put(name, values[0]);
            } else {
                ArrayNode all = fields.putArray(name);
                for (String value : values) {
                    all.add(value);
                }
            }
        });
        return fields;
    }

    /** A 500 is the service failing, not an answer of the contract: it only has to be a problem. */
    private void checkFailure(String at, MockHttpServletResponse response, List<String> violations) {
        String mediaType = mediaType(response.getContentType());
        if (!"application/problem+json".equals(mediaType)) {
            violations.add(at + ": a failure must be application/problem+json, not " + response.getContentType());
            return;
        }
        validate(at + " " + mediaType, PROBLEM_POINTER, response.getContentAsByteArray(), violations);
        RESPONSE_BODIES.incrementAndGet();
    }

    /**
     * The path as the service routes it: its own trailing-slash filter runs over the request
     * (one slash dropped, except at the root and after a console file's exact name).
     */
    private static String routedPath(MockHttpServletRequest request) {
        AtomicReference<String> routed = new AtomicReference<>(request.getRequestURI());
        try {
            TRAILING_SLASH.doFilter(request, new MockHttpServletResponse(),
                    (passed, ignored) -> routed.set(((HttpServletRequest) passed).getRequestURI()));
        } catch (IOException | ServletException e) {
            throw new IllegalStateException("the trailing-slash filter failed on " + request.getRequestURI(), e);
        }
        return routed.get();
    }

    private void checkUndocumented(String exchange, MockHttpServletResponse response, List<String> violations) {
        String mediaType = mediaType(response.getContentType());
        byte[] body = response.getContentAsByteArray();
        if (mediaType == null || !isJson(mediaType) || body.length == 0) {
            return;
        }
        String at = exchange + " (no documented operation) → " + response.getStatus() + " " + mediaType;
        if (!mediaType.equals("application/problem+json")) {
            violations.add(at + ": only a problem may answer an undocumented request with JSON");
            return;
        }
        validate(at, PROBLEM_POINTER, body, violations);
        RESPONSE_BODIES.incrementAndGet();
    }

    private void validate(String at, String schemaPointer, byte[] body, List<String> violations) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JacksonException e) {
            violations.add(at + ": the body is not JSON (" + e.getOriginalMessage() + ")");
            return;
        }
        validate(at, schemaPointer, instance, violations);
    }

    private void validate(String at, String schemaPointer, JsonNode instance, List<String> violations) {
        Schema schema = schemas.computeIfAbsent(schemaPointer,
                pointer -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + pointer)));
        for (Error error : schema.validate(instance)) {
            String where = error.getInstanceLocation().toString();
            violations.add(at + " at " + (where.isEmpty() ? "/" : where) + ": " + error.getMessage()
                    + " (schema #" + schemaPointer + ", " + error.getEvaluationPath() + ")");
        }
    }

    /** Follows an OpenAPI {@code $ref} (a response or request body in {@code components}) to what it names. */
    private Located resolve(String pointer) {
        JsonNode node = document.at(JsonPointer.compile(pointer));
        String at = pointer;
        while (node.has("$ref")) {
            at = node.get("$ref").stringValue().substring(1);
            node = document.at(JsonPointer.compile(at));
        }
        if (node.isMissingNode()) {
            throw new IllegalStateException("openapi.yaml has nothing at #" + pointer);
        }
        return new Located(at, node);
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A JSON pointer token (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private record Operation(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private record Located(String pointer, JsonNode node) {
    }

    /** A documented path as the service routes it: without its trailing slash (the Python service's), a variable per segment. */
    private record PathTemplate(String text, Pattern pattern, int variables) {

        static PathTemplate of(String text) {
            StringBuilder regex = new StringBuilder();
            int variables = 0;
            for (String part : strip(text).split("(?=\\{)|(?<=})")) {
                if (part.startsWith("{")) {
                    regex.append("[^/]+");
                    variables++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            return new PathTemplate(text, Pattern.compile(regex.toString()), variables);
        }

        boolean matches(String routedPath) {
            return pattern.matcher(routedPath).matches();
        }

        static String strip(String path) {
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }
}
