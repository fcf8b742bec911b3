package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.adapters.persistence.postgres.DatabaseErrors;
import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.domain.user.UserId;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.springframework.dao.DataAccessException;

/**
 * {@link IdempotencyStore} on PostgreSQL's {@code idempotency_keys}, used inside the
 * transaction that creates the booking: the claim row, the booking and the stored
 * response commit or roll back together, and the row's lock makes a concurrent request
 * with the same key wait for that outcome instead of creating a second booking.
 */
public final class MyBatisIdempotencyStore implements IdempotencyStore {

    private final IdempotencyMapper mapper;

    MyBatisIdempotencyStore(IdempotencyMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Claim claim(UserId user, String key, String fingerprint, Instant now) {
        return run("claim idempotency key", () -> {
            if (mapper.insertIfAbsent(user.value(), key, fingerprint, now)) {
                return new Claim.Claimed();
            }
            // An expired entry counts as absent: replace it, in this same transaction.
            Instant cutoff = now.minus(RETENTION);
            if (mapper.deleteIfCreatedBefore(user.value(), key, cutoff) > 0
                    && mapper.insertIfAbsent(user.value(), key, fingerprint, now)) {
                return new Claim.Claimed();
            }
            IdempotencyRow existing = mapper.find(user.value(), key);
            if (existing == null) {
                // Deleted between our insert and our read (a purge or a rolled-back reclaim).
                return mapper.insertIfAbsent(user.value(), key, fingerprint, now)
                        ? new Claim.Claimed()
                        : new Claim.InProgress();
            }
            return existing.classify(fingerprint);
        });
    }

    @Override
    public void complete(UserId user, String key, StoredResponse response) {
        int updated = run("complete idempotency key",
                () -> mapper.complete(user.value(), key, response.status(), response.body()));
        if (updated != 1) {
            throw new IllegalStateException("idempotency key was not claimed in this transaction");
        }
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        return run("purge idempotency keys", () -> mapper.deleteCreatedBefore(cutoff));
    }

    private static <T> T run(String action, Supplier<T> statement) {
        try {
            return statement.get();
        } catch (DataAccessException | PersistenceException e) {
            throw DatabaseErrors.translate(e, action);
        }
    }
}
