package io.bookingservice.adapters.web.error;

import java.util.List;

/** The request does not have the shape the route expects; answered with 422 and FastAPI's error list. */
public final class RequestValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public RequestValidationException(List<FieldError> errors) {
        super(errors.size() + " invalid request value(s)");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public RequestValidationException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
