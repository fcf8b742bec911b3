package io.bookingservice.application.testing;

import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A small fake of {@link IdempotencyStore}. Pair it with {@link SerialTransactions}: the
 * fake cannot roll back, so it relies on transactions that run one at a time, and a claim
 * whose request then fails validation stays "in progress" here (real adapters roll it back).
 */
public class FakeIdempotencyStore implements IdempotencyStore {

    private record Entry(String fingerprint, StoredResponse response, Instant createdAt) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized Claim claim(UserId user, String key, String fingerprint, Instant now) {
        Entry entry = entries.get(user + "/" + key);
        if (entry == null || entry.createdAt().isBefore(now.minus(RETENTION))) {
            entries.put(user + "/" + key, new Entry(fingerprint, null, now));
            return new Claim.Claimed();
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        return entry.response() == null ? new Claim.InProgress() : new Claim.Completed(entry.response());
    }

    @Override
    public synchronized void complete(UserId user, String key, StoredResponse response) {
        Entry entry = entries.get(user + "/" + key);
        entries.put(user + "/" + key, new Entry(entry.fingerprint(), response, entry.createdAt()));
    }

    @Override
    public synchronized int purgeCreatedBefore(Instant cutoff) {
        int before = entries.size();
        entries.values().removeIf(e -> e.createdAt().isBefore(cutoff));
        return before - entries.size();
    }
}
