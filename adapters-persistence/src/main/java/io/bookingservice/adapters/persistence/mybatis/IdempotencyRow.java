package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.port.out.IdempotencyStore.Claim;
import java.time.Instant;

/** One {@code idempotency_keys} row; {@code state} is {@code in_progress} or {@code completed}. */
record IdempotencyRow(long userId, String idempotencyKey, String fingerprint, String state, Integer responseStatus,
                      String responseBody, Instant createdAt) {

    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";

    boolean isExpiredAt(Instant cutoff) {
        return createdAt.isBefore(cutoff);
    }

    /** What this existing row means for a new request with {@code requestFingerprint}. */
    Claim classify(String requestFingerprint) {
        if (!fingerprint.equals(requestFingerprint)) {
            return new Claim.Mismatch();
        }
        if (COMPLETED.equals(state)) {
            return new Claim.Completed(new StoredResponse(responseStatus, responseBody));
        }
        return new Claim.InProgress();
    }
}
