package io.bookingservice.bootstrap.secrets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for AWS Secrets Manager speaking its JSON 1.1 protocol
 * ({@code X-Amz-Target: secretsmanager.GetSecretValue | PutSecretValue | CreateSecret}),
 * so that tests run the real SDK client with no AWS and no Docker. Versions carry the
 * AWSCURRENT / AWSPREVIOUS stages the way Secrets Manager moves them.
 */
public final class StubSecretsManager implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private record Version(String id, String value) {
    }

    /** Per secret: its versions, newest last; the last is AWSCURRENT, the one before AWSPREVIOUS. */
    private final Map<String, List<Version>> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> callsByPath = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private final HttpServer server;

    public StubSecretsManager() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub Secrets Manager", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** The real SDK client pointed at this stub, with dummy credentials. */
    public SecretsManagerClient client() {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** Stores a new current version, as a rotation would. */
    public void put(String name, String value) {
        secrets.computeIfAbsent(name, n -> new ArrayList<>()).add(new Version(UUID.randomUUID().toString(), value));
    }

    public String current(String name) {
        List<Version> versions = secrets.get(name);
        return versions == null ? null : versions.get(versions.size() - 1).value();
    }

    /** How many requests with this operation (e.g. {@code GetSecretValue}) arrived. */
    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    /**
     * How many requests with this operation arrived at this request path: clients given
     * {@code endpoint() + "/a"} and {@code endpoint() + "/b"} can be told apart.
     */
    public int calls(String operation, String path) {
        return callsByPath.getOrDefault(operation + " " + path, new AtomicInteger()).get();
    }

    /** While on, every request is answered with a 500 InternalServiceError, as during an outage. */
    public void failing(boolean on) {
        failing = on;
    }

    /** Stops answering: later requests meet a refused connection, as during an outage. */
    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in.readAllBytes());
            }
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            calls.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
            String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
            callsByPath.computeIfAbsent(operation + " " + path, o -> new AtomicInteger()).incrementAndGet();
            if (failing) {
                send(exchange, 500, Map.of("__type", "InternalServiceError", "message", "the stub is failing on purpose"));
                return;
            }
            switch (operation) {
                case "GetSecretValue" -> get(exchange, body);
                case "PutSecretValue" -> store(exchange, body, false);
                case "CreateSecret" -> store(exchange, body, true);
                default -> error(exchange, "InvalidAction", "unsupported by the stub: " + target);
            }
        }
    }

    private void get(HttpExchange exchange, JsonNode body) throws IOException {
        String name = body.path("SecretId").asString();
        String stage = body.path("VersionStage").asString("AWSCURRENT");
        List<Version> versions = secrets.get(name);
        int index = versions == null ? -1 : switch (stage) {
            case "AWSCURRENT" -> versions.size() - 1;
            case "AWSPREVIOUS" -> versions.size() - 2;
            default -> -1;
        };
        if (index < 0) {
            error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: " + stage);
            return;
        }
        Version version = versions.get(index);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ARN", arn(name));
        response.put("Name", name);
        response.put("SecretString", version.value());
        response.put("VersionId", version.id());
        response.put("VersionStages", List.of(stage));
        response.put("CreatedDate", 1.7e9);
        send(exchange, 200, response);
    }

    private void store(HttpExchange exchange, JsonNode body, boolean create) throws IOException {
        String name = create ? body.path("Name").asString() : body.path("SecretId").asString();
        if (create == secrets.containsKey(name)) {
            error(exchange, create ? "ResourceExistsException" : "ResourceNotFoundException",
                    create ? "the secret already exists" : "Secrets Manager can't find the specified secret.");
            return;
        }
        put(name, body.path("SecretString").asString());
        List<Version> versions = secrets.get(name);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ARN", arn(name));
        response.put("Name", name);
        response.put("VersionId", versions.get(versions.size() - 1).id());
        if (!create) {
            response.put("VersionStages", List.of("AWSCURRENT"));
        }
        send(exchange, 200, response);
    }

    private static String arn(String name) {
        return "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name + "-AbCdEf";
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        send(exchange, 400, Map.of("__type", type, "message", message));
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
