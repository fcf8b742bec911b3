package io.bookingservice.application.model;

import java.util.Objects;

/** The response recorded for an idempotency key, replayed as it was for a repeated request. */
public record StoredResponse(int status, String body) {

    public StoredResponse {
        Objects.requireNonNull(body, "body");
    }
}
