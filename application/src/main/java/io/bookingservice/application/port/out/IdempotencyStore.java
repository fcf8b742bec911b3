package io.bookingservice.application.port.out;

import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;

/**
 * Idempotency keys, scoped per user. Used inside the transaction that creates the
 * booking, so the key and the booking commit (or roll back) together.
 */
public interface IdempotencyStore {

    /** How long a key is remembered. */
    Duration RETENTION = Duration.ofHours(24);

    /** What is already known about a key. */
    sealed interface Claim {
        /** The key was free (or expired) and is now held by the caller's transaction. */
        record Claimed() implements Claim {
        }

        /** A request with the same fingerprint completed; here is its response. */
        record Completed(StoredResponse response) implements Claim {
        }

        /** The key was used with a different request. */
        record Mismatch() implements Claim {
        }

        /** A request with this key is still running. */
        record InProgress() implements Claim {
        }
    }

    /**
     * Claims {@code key} for this request. An entry older than {@link #RETENTION} counts as
     * absent. Concurrent claims of the same key resolve to one {@link Claim.Claimed}; the
     * others wait for its transaction or see it in progress.
     */
    Claim claim(UserId user, String key, String fingerprint, Instant now);

    /** Records the response of a claimed key, in the same transaction as the claim. */
    void complete(UserId user, String key, StoredResponse response);

    /** Forgets keys created before {@code cutoff}; returns how many. */
    int purgeCreatedBefore(Instant cutoff);
}
