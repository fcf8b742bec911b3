package io.bookingservice.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer given before the whole request body was read (the JSON broke off early; no token; a
 * path Jetty refuses before the application sees it) must leave the connection usable for the
 * client's next request, or say {@code Connection: close}. It did neither: Jetty closed the
 * connection because content was left unread, and the client's next request on it got no bytes
 * back (the HostileClientsFuzzIT flake). And Jetty's own refusals were HTML pages, not the API's
 * problem+json. Real server, raw socket, in-memory persistence.
 */
class EarlyAnswerIT {

    private static final String PASSWORD = "Admin-Pass-2024!";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    @TempDir
    Path dataDirectory;

    private RunningService service;
    private int port;

    @BeforeEach
    void start() throws Exception {
        service = InMemoryService.start(dataDirectory, PASSWORD);
        port = service.port();
    }

    @AfterEach
    void stop() {
        service.stop();
    }

    @Test
    void jsonThatBreaksOffEarlyIsAnsweredAndTheConnectionCarriesTheNextRequest() throws Exception {
        String first = "{\"topic\": " + "[".repeat(3_000);
        String rest = "]".repeat(3_000) + ", \"padding\": \"" + "x".repeat(50_000) + "\"}";

        String[] answers = answerThenNext("Authorization: Bearer " + token() + "\r\n", first, rest);

        assertThat(answers[0]).startsWith("HTTP/1.1 422 ");
        assertThat(answers[1]).as("the next request on the same connection").startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aBodyWithoutATokenIsAnsweredAndTheConnectionCarriesTheNextRequest() throws Exception {
        String[] answers = answerThenNext("", "{\"topic\": \"" + "x".repeat(2_000), "x".repeat(40_000) + "\"}");

        assertThat(answers[0]).startsWith("HTTP/1.1 401 ");
        assertThat(answers[1]).as("the next request on the same connection").startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aPathJettyRefusesBeforeTheApplicationIsAProblemThatClosesTheConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH /users/%00 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 20000\r\n\r\n{\"username\": \"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = readResponse(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 400 ");
            assertThat(answer.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n")
                    .contains("\r\ncontent-type: application/problem+json");
            assertThat(answer).endsWith("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"detail\":\"Bad Request\"}");
        }
    }

    @Test
    void everyRefusalOfJettysOwnIsProblemJsonNotAnHtmlPage() throws Exception {
        assertThat(raw("GET /booking/%2e%2e/x HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json")
                .endsWith("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"Ambiguous URI path segment\"}");
        assertThat(raw("GET /health/live HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json").doesNotContain("<html");
        assertThat(raw("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431 ").contains("Content-Type: application/problem+json")
                .endsWith("\"status\":431,\"detail\":\"Request Header Fields Too Large\"}");
    }

    /** One request written as is; the whole answer (these close the connection). */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * POST /booking/ with the first part of its body, reads the answer, then sends the rest of the
     * body and GET /health/live on the same connection; returns both answers (the second is
     * "no answer: …" when the server closed the connection without saying so).
     */
    private String[] answerThenNext(String headers, String first, String rest) throws IOException {
        byte[] head = first.getBytes(StandardCharsets.UTF_8);
        byte[] tail = rest.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /booking/ HTTP/1.1\r\nHost: localhost\r\n" + headers
                    + "Content-Type: application/json\r\nContent-Length: " + (head.length + tail.length) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.flush();
            String answer = readResponse(in);
            assertThat(answer.toLowerCase(Locale.ROOT)).as("the answer keeps the connection").doesNotContain("connection: close");
            String next;
            try {
                out.write(tail);
                out.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                next = readResponse(in);
            } catch (IOException e) {
                next = "no answer: " + e;
            }
            return new String[] {answer, next};
        }
    }

    /** One HTTP/1.1 response with a Content-Length body, or "no answer: …" at end of stream. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return "no answer: the connection closed after " + head.size() + " bytes";
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
        byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    private String token() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD.replace("!", "%21")))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        assertThat(token.find()).as(response.body()).isTrue();
        return token.group(1);
    }
}
