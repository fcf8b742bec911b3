package io.bookingservice.adapters.persistence.mybatis;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** SQL for {@code idempotency_keys}; the statements are in {@code IdempotencyMapper.xml} beside this interface. */
interface IdempotencyMapper {

    /**
     * Inserts an in-progress row unless one exists for the key; {@code true} when this call
     * inserted it. Waits for a concurrent, uncommitted insert of the same key to finish.
     */
    boolean insertIfAbsent(@Param("userId") long userId, @Param("key") String key,
                           @Param("fingerprint") String fingerprint, @Param("createdAt") Instant createdAt);

    IdempotencyRow find(@Param("userId") long userId, @Param("key") String key);

    /** Deletes the row only if it was created before {@code cutoff}; the number deleted (0 or 1). */
    int deleteIfCreatedBefore(@Param("userId") long userId, @Param("key") String key,
                              @Param("cutoff") Instant cutoff);

    int complete(@Param("userId") long userId, @Param("key") String key, @Param("status") int status,
                 @Param("body") String body);

    int deleteCreatedBefore(@Param("cutoff") Instant cutoff);
}
