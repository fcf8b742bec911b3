package io.bookingservice.adapters.web.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throttles {@code POST /token} per (username, client address) and per client address, with
 * Bucket4j token buckets held in memory.
 *
 * <p>Use: call {@link #tryAcquire} before checking the password and answer 429 with
 * {@code Retry-After} when it is not allowed; after a successful login call
 * {@link #recordSuccess}, which forgets that (username, address) pair's failures. So a pair is
 * locked after {@code attemptsPerUserAndAddress} failures, while the same user can still log in
 * from another address: nobody can lock {@code admin} out for good or from everywhere.
 *
 * <p>The lock is a backoff that expires: buckets refill with time. Buckets untouched for longer
 * than their refill period are full and are dropped, so memory follows the recent attempt rate;
 * beyond {@link LoginThrottleSettings#maxTrackedEntries()} the least recently used are dropped
 * too (a flood of new keys then costs old keys their history, never everybody their access).
 *
 * <p>The client address is taken as given (the caller decides which proxy headers to trust),
 * except that IPv6 addresses count per /64, the block one subscriber holds. Thread-safe.
 */
public final class LoginThrottle {

    /** Usernames are at most 100 characters; longer ones can never log in, so they may share a key. */
    private static final int MAX_USERNAME_KEY = 101;
    private static final int MAX_ADDRESS_KEY = 64;

    /** Whether an attempt may go ahead, and if not, when to try again. */
    public record Decision(boolean allowed, Duration retryAfter) {
        private static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        public Decision {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public static Decision allow() {
            return ALLOWED;
        }

        public static Decision denyFor(Duration retryAfter) {
            return new Decision(false, retryAfter);
        }

        /** Whole seconds for the {@code Retry-After} header, at least 1 when denied. */
        public long retryAfterSeconds() {
            if (allowed) {
                return 0;
            }
            long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }

    private record PairKey(String username, String address) {
    }

    private final LoginThrottleSettings settings;
    private final TimeMeter time;
    private final BucketTable<PairKey> pairs;
    private final BucketTable<String> addresses;

    /** Throttle on the system's monotonic clock. */
    public LoginThrottle(LoginThrottleSettings settings) {
        this(settings, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Throttle on the given time source (a test moves it by hand). */
    public LoginThrottle(LoginThrottleSettings settings, TimeMeter time) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.time = Objects.requireNonNull(time, "time");
        this.pairs = new BucketTable<>(settings.attemptsPerUserAndAddress(), settings.userAndAddressPeriod());
        this.addresses = new BucketTable<>(settings.attemptsPerAddress(), settings.addressPeriod());
    }

    /**
     * Counts one login attempt. The address limit is checked first; an attempt refused for its
     * (username, address) pair still counts against the address, so hammering a locked account
     * also locks the hammering address.
     */
    public Decision tryAcquire(String username, String clientAddress) {
        String address = addressKey(clientAddress);
        ConsumptionProbe byAddress = addresses.bucket(address).tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return Decision.denyFor(Duration.ofNanos(byAddress.getNanosToWaitForRefill()));
        }
        ConsumptionProbe byPair = pairs.bucket(new PairKey(usernameKey(username), address)).tryConsumeAndReturnRemaining(1);
        if (!byPair.isConsumed()) {
            return Decision.denyFor(Duration.ofNanos(byPair.getNanosToWaitForRefill()));
        }
        return Decision.allow();
    }

    /** Forgets the failures of this (username, address) pair after a successful login. */
    public void recordSuccess(String username, String clientAddress) {
        pairs.forget(new PairKey(usernameKey(username), addressKey(clientAddress)));
    }

    /** Buckets currently remembered, pairs and addresses together; for a gauge and for tests. */
    public int trackedEntries() {
        return pairs.size() + addresses.size();
    }

    private static String usernameKey(String username) {
        Objects.requireNonNull(username, "username");
        return username.length() > MAX_USERNAME_KEY ? username.substring(0, MAX_USERNAME_KEY) : username;
    }

    private static String addressKey(String clientAddress) {
        Objects.requireNonNull(clientAddress, "clientAddress");
        if (clientAddress.indexOf(':') >= 0) {
            // One IPv6 subscriber holds a whole /64: counting each address apart would give an
            // attacker 2^64 fresh buckets. A literal with ':' is parsed without a DNS lookup.
            try {
                InetAddress address = InetAddress.getByName(clientAddress);
                if (address instanceof Inet6Address) {
                    return "ipv6/64:" + HexFormat.of().formatHex(address.getAddress(), 0, 8);
                }
                return address.getHostAddress();
            } catch (UnknownHostException e) {
                // Not an address literal (a proxy's odd header, a test name): keep it as it is.
            }
        }
        return clientAddress.length() > MAX_ADDRESS_KEY ? clientAddress.substring(0, MAX_ADDRESS_KEY) : clientAddress;
    }

    /** Buckets by key, dropping those idle long enough to be full again, and bounded in number. */
    private final class BucketTable<K> {

        private final Map<K, Entry> entries = new ConcurrentHashMap<>();
        private final long capacity;
        private final Duration period;
        private final long idleNanos;
        private final AtomicLong nextSweepNanos;

        BucketTable(long capacity, Duration period) {
            this.capacity = capacity;
            this.period = period;
            this.idleNanos = period.toNanos();
            this.nextSweepNanos = new AtomicLong(time.currentTimeNanos() + idleNanos);
        }

        private final class Entry {
            final Bucket bucket;
            volatile long lastUsedNanos;

            Entry(Bucket bucket, long now) {
                this.bucket = bucket;
                this.lastUsedNanos = now;
            }
        }

        Bucket bucket(K key) {
            long now = time.currentTimeNanos();
            sweepIfDue(now);
            if (entries.size() >= settings.maxTrackedEntries() && !entries.containsKey(key)) {
                evictLeastRecentlyUsed();
            }
            Entry entry = entries.computeIfAbsent(key, k -> new Entry(newBucket(), now));
            entry.lastUsedNanos = now;
            return entry.bucket;
        }

        void forget(K key) {
            entries.remove(key);
        }

        int size() {
            return entries.size();
        }

        private Bucket newBucket() {
            return Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                    .withCustomTimePrecision(time)
                    .build();
        }

        /** Idle for a whole period means refilled to capacity: dropping it forgets nothing. */
        private void sweepIfDue(long now) {
            long due = nextSweepNanos.get();
            if (now - due < 0 || !nextSweepNanos.compareAndSet(due, now + idleNanos)) {
                return;
            }
            entries.values().removeIf(entry -> now - entry.lastUsedNanos >= idleNanos);
        }

        /** Drops the least recently used tenth at once, so a flood of new keys sorts rarely. */
        private void evictLeastRecentlyUsed() {
            // Times are copied first: sorting on values other threads keep changing breaks TimSort.
            record Use<K, E>(K key, E entry, long lastUsedNanos) {
            }
            List<Use<K, Entry>> snapshot = new ArrayList<>(entries.size());
            entries.forEach((key, entry) -> snapshot.add(new Use<>(key, entry, entry.lastUsedNanos)));
            snapshot.sort(Comparator.comparingLong(Use::lastUsedNanos));
            int toDrop = Math.max(1, settings.maxTrackedEntries() / 10);
            for (int i = 0; i < toDrop && i < snapshot.size(); i++) {
                entries.remove(snapshot.get(i).key(), snapshot.get(i).entry());
            }
        }
    }
}
