package io.bookingservice.bootstrap.wiring;

import io.bookingservice.bootstrap.config.Persistence;
import java.util.List;

/**
 * The one place that turns BOOKING_PERSISTENCE into adapters. The switch has no default: a new
 * {@link Persistence} value does not compile until it is given its own configurations here,
 * instead of silently getting another adapter's.
 *
 * @param repositories the {@code port.out} adapters and what they stand on (the database): what
 *                     {@code serve} and the operator commands both need
 * @param serving      what only the running service adds: the schema at start, the login
 *                     throttle's buckets
 */
record PersistenceChoice(List<Class<?>> repositories, List<Class<?>> serving) {

    static PersistenceChoice of(Persistence persistence) {
        return switch (persistence) {
            case POSTGRES -> new PersistenceChoice(
                    List.of(DatabaseConfiguration.class, PostgresPersistenceConfiguration.class),
                    List.of(SchemaAtStartConfiguration.class, PostgresThrottleConfiguration.class));
            case MEMORY -> new PersistenceChoice(
                    List.of(MemoryPersistenceConfiguration.class),
                    List.of(MemoryThrottleConfiguration.class));
        };
    }
}
