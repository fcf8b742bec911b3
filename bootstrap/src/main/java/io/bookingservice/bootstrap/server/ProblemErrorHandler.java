package io.bookingservice.bootstrap.server;

import io.bookingservice.adapters.web.error.Problem;
import io.bookingservice.adapters.web.error.ProblemWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jetty's answers to requests that never reach the application — a path Jetty finds ambiguous
 * ({@code /booking/%2e%2e/x}), a NUL in it, a malformed header line — as the API answers every
 * other bad request: {@code application/problem+json} with {@code type}, {@code title},
 * {@code status} and {@code detail}, instead of Jetty's HTML error page. They also say
 * {@code Connection: close}: the request's body, if it has one, is never read, and Jetty closes
 * such a connection; without the header a client sent its next request into it and read nothing
 * back (HostileClientsFuzzIT, EarlyAnswerIT).
 */
final class ProblemErrorHandler extends ErrorHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM_JSON = ProblemWriter.PROBLEM_JSON + ";charset=utf-8";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(problem(code, message)), callback);
    }

    /**
     * The API's {@link Problem}, without {@code instance} (Jetty may have refused the request before
     * it had a path). Jetty's reason is about the request's form ("Ambiguous URI path segment");
     * anything else is replaced by the status's phrase.
     */
    static byte[] problem(int code, String reason) {
        HttpStatus status = HttpStatus.resolve(code);
        String title = status != null ? status.getReasonPhrase() : org.eclipse.jetty.http.HttpStatus.getMessage(code);
        boolean plain = reason != null && reason.length() <= 100 && reason.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        Problem problem = new Problem("about:blank", title, code, plain ? reason : title, null);
        return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }
}
