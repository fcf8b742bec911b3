package io.bookingservice.adapters.persistence.memory;

import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Idempotency keys in memory, per user. Claims made in a unit of work are undone with it,
 * and because units of work are serialised, a concurrent claim of the same key waits for
 * the first one and then sees it (in progress or completed).
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Key(UserId user, String key) {
    }

    /** @param response {@code null} while the request is in progress */
    private record Entry(String fingerprint, StoredResponse response, Instant createdAt) {
    }

    private final InMemoryTransactions store;
    /** Guarded by the store's lock. */
    private final Map<Key, Entry> entries = new HashMap<>();

    public InMemoryIdempotencyStore(InMemoryTransactions store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Claim claim(UserId user, String key, String fingerprint, Instant now) {
        return store.locked(() -> {
            Key id = new Key(user, key);
            Entry existing = entries.get(id);
            if (existing == null || existing.createdAt().isBefore(now.minus(RETENTION))) {
                put(id, new Entry(fingerprint, null, now));
                return new Claim.Claimed();
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                return new Claim.Mismatch();
            }
            return existing.response() == null ? new Claim.InProgress() : new Claim.Completed(existing.response());
        });
    }

    @Override
    public void complete(UserId user, String key, StoredResponse response) {
        store.locked(() -> {
            Key id = new Key(user, key);
            Entry claimed = entries.get(id);
            if (claimed == null) {
                throw new IllegalStateException("idempotency key '" + key + "' was never claimed");
            }
            put(id, new Entry(claimed.fingerprint(), response, claimed.createdAt()));
            return null;
        });
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        return store.locked(() -> {
            int purged = 0;
            for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Key, Entry> entry = it.next();
                if (entry.getValue().createdAt().isBefore(cutoff)) {
                    Key id = entry.getKey();
                    Entry removed = entry.getValue();
                    it.remove();
                    store.onRollback(() -> entries.put(id, removed));
                    purged++;
                }
            }
            return purged;
        });
    }

    private void put(Key id, Entry entry) {
        Entry previous = entries.put(id, entry);
        store.onRollback(() -> {
            if (previous == null) {
                entries.remove(id);
            } else {
                entries.put(id, previous);
            }
        });
    }
}
