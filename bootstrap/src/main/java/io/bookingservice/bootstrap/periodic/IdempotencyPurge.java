package io.bookingservice.bootstrap.periodic;

import io.bookingservice.application.port.out.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Forgets idempotency keys older than {@link IdempotencyStore#RETENTION} (24 h): one idempotent
 * {@code DELETE … WHERE created_at < cutoff}, so any number of instances may run it at once. Run
 * hourly by {@link PeriodicWork} and by {@code booking idempotency purge}.
 */
public final class IdempotencyPurge implements PeriodicWork.Work {

    /** How often the service purges: a key lives at most 25 hours. */
    public static final Duration PERIOD = Duration.ofHours(1);

    private final IdempotencyStore store;
    private final Clock clock;

    public IdempotencyPurge(IdempotencyStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns how many keys were removed. */
    @Override
    public int run() {
        return store.purgeCreatedBefore(clock.instant().minus(IdempotencyStore.RETENTION));
    }

    public PeriodicWork.Task task() {
        return new PeriodicWork.Task("idempotency key purge", PERIOD, this);
    }
}
