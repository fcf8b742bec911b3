package io.bookingservice.adapters.web.error;

import io.bookingservice.adapters.web.filter.BodyTooLargeException;
import io.bookingservice.adapters.web.security.HashingSaturatedException;
import io.bookingservice.adapters.web.security.ThrottleUnavailableException;
import io.bookingservice.application.error.AuthenticationFailedException;
import io.bookingservice.application.error.ConcurrentUpdateException;
import io.bookingservice.application.error.DuplicateException;
import io.bookingservice.application.error.IdempotencyKeyInProgressException;
import io.bookingservice.application.error.IdempotencyKeyReusedException;
import io.bookingservice.application.error.InvalidRefreshTokenException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.error.StorageUnavailableException;
import io.bookingservice.application.error.UnstorableValueException;
import io.bookingservice.application.error.WrongPasswordException;
import io.bookingservice.domain.InvalidTransitionException;
import io.bookingservice.domain.OverlapException;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Every failure becomes an RFC 9457 problem with the Python service's {@code detail}. Messages of
 * the application's and domain's exceptions are written for clients; anything unexpected is
 * logged here and answered with a bare 500, never its message or stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemWriter problems;

    ApiExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RequestValidationException.class)
    void requestValidation(RequestValidationException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, e.errors());
    }

    /** A domain rule no route placed more precisely: reported under the body, where input comes from. */
    @ExceptionHandler(ValidationException.class)
    void validation(ValidationException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
                ViolationErrors.of(e.violations(), List.of("body"), null));
    }

    /**
     * The storage refused a value of this request (beyond its range, a NUL …): the input rules
     * should have caught it, so it is logged for us, but it is the client's input, never a 500.
     * Which field is unknown here, so the entry names where the input came from.
     */
    @ExceptionHandler(UnstorableValueException.class)
    void unstorable(UnstorableValueException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.warn("refused an unstorable value: {}", e.getMessage());
        String source = request.getContentLengthLong() > 0 || request.getHeader("Content-Type") != null ? "body" : "query";
        problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldError("value_error",
                List.of(source), "Value error, a value is out of the range this service can store", null,
                Map.of("error", Map.of()))));
    }

    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(PermissionDeniedException.class)
    void forbidden(PermissionDeniedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(CrossSiteRequestException.class)
    void crossSite(CrossSiteRequestException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({InvalidTransitionException.class, OverlapException.class, ConcurrentUpdateException.class,
            DuplicateException.class})
    void conflict(RuntimeException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.CONFLICT, e.getMessage());
    }

    /** The header's name is the web's word for the key; the core only knows it is a key. */
    @ExceptionHandler(IdempotencyKeyInProgressException.class)
    void keyInProgress(IdempotencyKeyInProgressException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.write(request, response, HttpStatus.CONFLICT,
                "A request with this Idempotency-Key is still in progress; retry later");
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    void keyReused(IdempotencyKeyReusedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was already used for a different request");
    }

    @ExceptionHandler(AuthenticationFailedException.class)
    void authenticationFailed(AuthenticationFailedException e, HttpServletRequest request,
                              HttpServletResponse response) throws IOException {
        problems.unauthorized(request, response, "Bearer", e.getMessage());
    }

    /** The refresh grant's one answer for an unknown, used or expired refresh token (RFC 6749 {@code invalid_grant}). */
    @ExceptionHandler(InvalidRefreshTokenException.class)
    void invalidRefreshToken(InvalidRefreshTokenException e, HttpServletRequest request,
                             HttpServletResponse response) throws IOException {
        problems.unauthorized(request, response, "Bearer", e.getMessage());
    }

    @ExceptionHandler(WrongPasswordException.class)
    void wrongPassword(WrongPasswordException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.write(request, response, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    void throttled(TooManyAttemptsException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    }

    /** Every password-hashing slot is busy (a login flood): shed the load instead of queueing it. */
    @ExceptionHandler(HashingSaturatedException.class)
    void hashingSaturated(HashingSaturatedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "The service is busy; try again later");
    }

    /** The throttle's store did not answer: refuse the attempt (fail closed) rather than let it through unthrottled. */
    @ExceptionHandler(ThrottleUnavailableException.class)
    void throttleUnavailable(ThrottleUnavailableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.warn("throttle store unavailable: {}", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ThrottleUnavailableException.RETRY_AFTER_SECONDS));
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "The service is temporarily unavailable");
    }

    @ExceptionHandler(StorageUnavailableException.class)
    void unavailable(StorageUnavailableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.warn("storage unavailable: {}", e.getMessage());
        problems.storageUnavailable(request, response);
    }

    /** Broken JSON is FastAPI's {@code json_invalid} at the character where parsing stopped. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (causedBy(e, BodyTooLargeException.class)) {
            tooLarge(request, response);
            return;
        }
        JacksonException json = cause(e, JacksonException.class);
        long position = 0;
        String reason = "Invalid JSON";
        if (json != null) {
            TokenStreamLocation at = json.getLocation();
            if (at != null) {
                position = at.getCharOffset() >= 0 ? at.getCharOffset() : Math.max(0, at.getByteOffset());
            }
            reason = json.getOriginalMessage();
        }
        problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldError("json_invalid",
                List.of("body", position), "JSON decode error", Map.of(), Map.of("error", reason))));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    void bodyTooLarge(BodyTooLargeException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        tooLarge(request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupportedType(HttpMediaTypeNotSupportedException e, HttpServletRequest request,
                         HttpServletResponse response) throws IOException {
        String accepted = e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        response.setHeader(HttpHeaders.ACCEPT, accepted);
        problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type; send " + accepted);
    }

    /**
     * {@code Content-Type: application/json; charset=nonsense}: Jetty throws as soon as anything
     * asks for the content type, before a handler is even chosen. The client's header is at fault.
     */
    @ExceptionHandler({UnsupportedCharsetException.class, IllegalCharsetNameException.class})
    void unsupportedCharset(IllegalArgumentException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset; send UTF-8");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request,
                       HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.NOT_ACCEPTABLE, "Not Acceptable");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
                          HttpServletResponse response) throws IOException {
        if (e.getSupportedHttpMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW, e.getSupportedHttpMethods().stream().map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed");
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    void noRoute(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.NOT_FOUND, "Not Found");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException e, HttpServletRequest request,
                          HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, List.of(FieldError.of("missing",
                List.of("query", e.getParameterName()), "Field required", null)));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    void missingHeader(MissingRequestHeaderException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, List.of(FieldError.of("missing",
                List.of("header", e.getHeaderName().toLowerCase(Locale.ROOT)), "Field required", null)));
    }

    /**
     * The client went away before its answer was written (a balancer's health check that timed
     * out, a closed browser tab): there is nobody to answer, and nothing went wrong here.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
        log.debug("client gone before the answer to {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        problems.internalError(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
