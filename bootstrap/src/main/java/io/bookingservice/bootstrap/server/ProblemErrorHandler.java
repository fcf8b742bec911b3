package io.bookingservice.bootstrap.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jetty's answers to requests that never reach the application — a path Jetty finds ambiguous
 * ({@code /booking/%2e%2e/x}), a NUL in it, a malformed header line — as the API answers every
 * other bad request: {@code application/problem+json} with {@code type}, {@code title},
 * {@code status} and {@code detail}, instead of Jetty's HTML error page. They also say
 * {@code Connection: close}: the request's body, if it has one, is never read, and Jetty closes
 * such a connection; without the header a client sent its next request into it and read nothing
 * back (HostileClientsFuzzIT, JettyErrorPagesIT).
 */
final class ProblemErrorHandler extends ErrorHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM_JSON = "application/problem+json;charset=utf-8";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(problem(code, message)), callback);
    }

    /** Jetty's reason is about the request's form ("Ambiguous URI path segment"); anything else is replaced by the status's phrase. */
    static byte[] problem(int status, String reason) {
        String title = HttpStatus.getMessage(status);
        boolean plain = reason != null && reason.length() <= 100 && reason.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", plain ? reason : title);
        return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }
}
