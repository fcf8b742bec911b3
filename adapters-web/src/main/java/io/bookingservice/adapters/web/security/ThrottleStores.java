package io.bookingservice.adapters.web.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import java.time.Duration;

/**
 * The in-process store of {@link LoginThrottle}'s buckets: Bucket4j's Caffeine-backed
 * {@link io.github.bucket4j.distributed.proxy.ProxyManager}, for one instance (memory persistence, tests). With PostgreSQL the
 * bootstrap fills the same interface with Bucket4j's PostgreSQL proxy manager instead.
 */
public final class ThrottleStores {

    private ThrottleStores() {
    }

    /**
     * Buckets in a Caffeine cache of at most {@code maxEntries}: an entry expires as soon as its
     * bucket would be full again (forgetting it then loses nothing), and beyond the bound Caffeine
     * evicts by its frequency sketch, so a flood of new keys costs old keys their history, never
     * everybody their access.
     *
     * @param clock the buckets' time and the cache's expiry ticker (a test moves it by hand);
     *              {@link TimeMeter#SYSTEM_MILLISECONDS} in production
     */
    public static CaffeineProxyManager<String> inMemory(int maxEntries, TimeMeter clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maxEntries).ticker(clock::currentTimeNanos))
                .clientClock(clock)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }
}
