package io.bookingservice.application.model;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import java.util.Objects;

/**
 * A client's idempotency key and the fingerprint of its request (the adapter computes
 * it, e.g. a hash of the canonicalised JSON, so that equal requests compare equal).
 */
public record IdempotencyRequest(String key, String fingerprint) {

    public static final int MAX_KEY_LENGTH = 255;

    public IdempotencyRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw ValidationException.of("idempotencyKey", Violation.limit(Rule.LENGTH_OUT_OF_RANGE, MAX_KEY_LENGTH));
        }
    }
}
