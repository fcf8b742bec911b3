package io.bookingservice.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttles {@code POST /token} per (username, client address) and per client address, and
 * {@code PUT /users/me/password} per account and per client address, with Bucket4j token buckets
 * kept in a {@link ProxyManager}: Caffeine in this process ({@link ThrottleStores#inMemory}), or
 * PostgreSQL, shared by every instance (wired by the bootstrap). Never per username alone: nobody
 * can lock {@code admin} out for good or from everywhere.
 *
 * <p>Use for {@code /token}: call {@link #tryAcquire} before checking the password and answer 429
 * with {@code Retry-After} when it is not allowed; after a successful login call
 * {@link #recordSuccess}, which forgets that (username, address) pair's failures. So a pair is
 * locked after {@code attemptsPerUserAndAddress} failures, while the same user can still log in
 * from another address. The lock is a backoff that expires: buckets refill with time, and a
 * bucket that is full again is dropped from the store (Caffeine expires it; in PostgreSQL the
 * service's periodic work deletes its row).
 *
 * <p>Use for a password change: {@link #startPasswordChange} and, when allowed, do the hashing
 * inside try-with-resources on the returned {@link PasswordChange}.
 *
 * <p>Every store call is bounded by the store (the bootstrap gives the PostgreSQL one a 200 ms
 * budget on a pool of its own); when it fails or times out the attempt is refused with
 * {@link ThrottleUnavailableException} (fail closed). In front of the store sits a pre-check in
 * this process: a key whose bucket was found empty is refused here until it has refilled, with no
 * round trip, so a flood on one key costs the store almost nothing. A throttle over a shared store
 * ({@link #shared}) also keeps a copy of every bucket in this process and spends from it first:
 * every attempt through this instance is counted in both, so a local bucket that is empty means
 * the shared one is empty too, and of a burst that arrives at once only the attempts the limits
 * allow make a round trip (the others are refused here without one, which a line of calls
 * waiting for the store's two connections could otherwise not do).
 *
 * <p>Store keys are SHA-256 digests of the username and address, never the raw values: the
 * store holds no attacker-chosen text, and every key has the same short length. The client
 * address is taken as given (the caller decides which proxy headers to trust), except that IPv6
 * addresses count per /64, the block one subscriber holds. Thread-safe.
 */
public final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    /** Usernames are at most 100 characters; longer ones can never log in, so they may share a key. */
    private static final int MAX_USERNAME_KEY = 101;
    private static final int MAX_ADDRESS_KEY = 64;

    /** What a refused password change waits when its account or address already has its share of hashing. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

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

    /**
     * A password change the throttle has decided on. When {@link #decision()} allows it, the
     * change holds one of its account's and one of its address's places until {@link #close()}.
     */
    public final class PasswordChange implements AutoCloseable {

        private final Decision decision;
        private final String accountKey;
        private final String addressKey;
        private boolean open;

        private PasswordChange(Decision decision, String accountKey, String addressKey) {
            this.decision = decision;
            this.accountKey = accountKey;
            this.addressKey = addressKey;
            this.open = decision.allowed();
        }

        public Decision decision() {
            return decision;
        }

        /** Frees the places; idempotent, and a no-op for a refused change. */
        @Override
        public void close() {
            if (open) {
                open = false;
                leave(accountKey);
                leave(addressKey);
            }
        }
    }

    private final PasswordChangeSettings passwordChanges;
    private final ProxyManager<String> store;
    /** The in-process copy of a shared store's buckets; {@code null} when the store is in-process itself. */
    private final ProxyManager<String> local;
    private final TimeMeter time;
    /** Keys found empty, with the time (on {@link #time}) until which they stay empty. */
    private final Cache<String, Long> knownEmpty;
    /** Password changes running or queued now, per account key and per address key (this instance). */
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final BucketConfiguration pairLimit;
    private final BucketConfiguration addressLimit;
    private final BucketConfiguration accountChangeLimit;
    private final BucketConfiguration addressChangeLimit;

    /** Throttle in this process only, on the wall clock (Bucket4j stores need one: buckets may be shared). */
    public LoginThrottle(LoginThrottleSettings settings) {
        this(settings, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** Throttle in this process only, on the given time source (a test moves it by hand). */
    public LoginThrottle(LoginThrottleSettings settings, TimeMeter time) {
        this(settings, PasswordChangeSettings.defaults(Runtime.getRuntime().availableProcessors()),
                ThrottleStores.inMemory(2 * settings.maxTrackedEntries(), time), time);
    }

    /**
     * @param store where the buckets live: {@link ThrottleStores#inMemory}, or a shared one
     * @param time  the pre-check's clock; {@link TimeMeter#SYSTEM_MILLISECONDS} in production
     */
    public LoginThrottle(LoginThrottleSettings settings, PasswordChangeSettings passwordChanges,
                         ProxyManager<String> store, TimeMeter time) {
        this(settings, passwordChanges, store, null, time);
    }

    /**
     * A throttle over a store shared by every instance (PostgreSQL), with an in-process copy of
     * its buckets in front: see the class comment.
     *
     * @param time the clock of the pre-check and of the in-process copy
     */
    public static LoginThrottle shared(LoginThrottleSettings settings, PasswordChangeSettings passwordChanges,
                                       ProxyManager<String> sharedStore, TimeMeter time) {
        return new LoginThrottle(settings, passwordChanges, sharedStore,
                ThrottleStores.inMemory(2 * settings.maxTrackedEntries(), time), time);
    }

    private LoginThrottle(LoginThrottleSettings settings, PasswordChangeSettings passwordChanges,
                          ProxyManager<String> store, ProxyManager<String> local, TimeMeter time) {
        Objects.requireNonNull(settings, "settings");
        this.passwordChanges = Objects.requireNonNull(passwordChanges, "passwordChanges");
        this.store = Objects.requireNonNull(store, "store");
        this.local = local;
        this.time = Objects.requireNonNull(time, "time");
        Duration longest = max(max(settings.userAndAddressPeriod(), settings.addressPeriod()),
                max(passwordChanges.accountPeriod(), passwordChanges.addressPeriod()));
        this.knownEmpty = Caffeine.newBuilder()
                .maximumSize(settings.maxTrackedEntries())
                .expireAfterWrite(longest.toNanos(), TimeUnit.NANOSECONDS)
                .ticker(time::currentTimeNanos)
                .build();
        this.pairLimit = limit(settings.attemptsPerUserAndAddress(), settings.userAndAddressPeriod());
        this.addressLimit = limit(settings.attemptsPerAddress(), settings.addressPeriod());
        this.accountChangeLimit = limit(passwordChanges.attemptsPerAccount(), passwordChanges.accountPeriod());
        this.addressChangeLimit = limit(passwordChanges.attemptsPerAddress(), passwordChanges.addressPeriod());
    }

    /**
     * Counts one login attempt. The address limit is checked first; an attempt refused for its
     * (username, address) pair still counts against the address, so hammering a locked account
     * also locks the hammering address (and from then on is refused without a store round trip).
     *
     * @throws ThrottleUnavailableException when the store fails or does not answer in time
     */
    public Decision tryAcquire(String username, String clientAddress) {
        String address = addressKey(clientAddress);
        String addressKey = storeKey("login-address", address);
        String pairKey = storeKey("login-pair", address, usernameKey(username));
        return consumeBoth(addressKey, addressLimit, pairKey, pairLimit);
    }

    /**
     * Forgets the failures of this (username, address) pair after a successful login. The login
     * has succeeded already: when the store cannot be reached the failures are kept (they expire
     * on their own) and a warning is logged.
     */
    public void recordSuccess(String username, String clientAddress) {
        String pairKey = storeKey("login-pair", addressKey(clientAddress), usernameKey(username));
        knownEmpty.invalidate(pairKey);
        if (local != null) {
            local.builder().build(pairKey, () -> pairLimit).reset();
        }
        try {
            store.builder().build(pairKey, () -> pairLimit).reset();
        } catch (BucketExceptions.BucketExecutionException e) {
            LOG.warn("could not reset a login throttle bucket after a successful login: {}", e.getMessage());
        }
    }

    /**
     * Admits one password change of {@code account} (a stable account id) from
     * {@code clientAddress}, or refuses it: when this instance already runs (or queues for the
     * hashing gate) {@link PasswordChangeSettings#concurrentPerKey()} changes of that account or
     * from that address, or when the account's or the address's bucket is empty. An admitted
     * change must be closed once its hashing is done.
     *
     * @throws ThrottleUnavailableException when the store fails or does not answer in time
     */
    public PasswordChange startPasswordChange(String account, String clientAddress) {
        String accountKey = storeKey("password-account", Objects.requireNonNull(account, "account"));
        String addressKey = storeKey("password-address", addressKey(clientAddress));
        if (!enter(accountKey)) {
            return new PasswordChange(Decision.denyFor(BUSY_RETRY), accountKey, addressKey);
        }
        if (!enter(addressKey)) {
            leave(accountKey);
            return new PasswordChange(Decision.denyFor(BUSY_RETRY), accountKey, addressKey);
        }
        PasswordChange admitted = null;
        try {
            Decision decision = consumeBoth(addressKey, addressChangeLimit, accountKey, accountChangeLimit);
            admitted = new PasswordChange(decision, accountKey, addressKey);
            return admitted;
        } finally {
            if (admitted == null || !admitted.decision().allowed()) {
                leave(accountKey);
                leave(addressKey);
            }
        }
    }

    /** Password changes running or queued in this instance now, over all keys; for tests. */
    int passwordChangesInFlight() {
        return inFlight.values().stream().mapToInt(Integer::intValue).sum() / 2;
    }

    /**
     * One token from the first bucket and, if it had one, from the second: first from what this
     * process knows (buckets found empty, the in-process copy), then from the store.
     */
    private Decision consumeBoth(String firstKey, BucketConfiguration firstLimit,
                                 String secondKey, BucketConfiguration secondLimit) {
        long now = time.currentTimeNanos();
        Decision here = consumeHere(firstKey, firstLimit, now);
        if (!here.allowed()) {
            return here;
        }
        here = consumeHere(secondKey, secondLimit, now);
        if (!here.allowed()) {
            // The refused attempt still counts against the first bucket (the address): in the
            // in-process copy when there is one, else in the store, which is in-process then.
            if (local == null) {
                consumeInStore(firstKey, firstLimit, now);
            }
            return here;
        }
        Decision inStore = consumeInStore(firstKey, firstLimit, now);
        return inStore.allowed() ? consumeInStore(secondKey, secondLimit, now) : inStore;
    }

    private Decision consumeHere(String key, BucketConfiguration limit, long now) {
        Long emptyUntil = knownEmpty.getIfPresent(key);
        if (emptyUntil != null && emptyUntil - now > 0) {
            return Decision.denyFor(Duration.ofNanos(emptyUntil - now));
        }
        if (local == null) {
            return Decision.allow();
        }
        ConsumptionProbe probe = local.builder().build(key, () -> limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Decision.allow() : Decision.denyFor(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Decision consumeInStore(String key, BucketConfiguration limit, long now) {
        ConsumptionProbe probe;
        try {
            probe = store.builder().build(key, () -> limit).tryConsumeAndReturnRemaining(1);
        } catch (BucketExceptions.BucketExecutionException e) {
            throw new ThrottleUnavailableException(e);
        }
        if (probe.isConsumed()) {
            return Decision.allow();
        }
        long wait = probe.getNanosToWaitForRefill();
        knownEmpty.put(key, now + wait);
        return Decision.denyFor(Duration.ofNanos(wait));
    }

    private boolean enter(String key) {
        int cap = passwordChanges.concurrentPerKey();
        boolean[] entered = new boolean[1];
        inFlight.compute(key, (k, count) -> {
            int current = count == null ? 0 : count;
            if (current >= cap) {
                return count;
            }
            entered[0] = true;
            return current + 1;
        });
        return entered[0];
    }

    private void leave(String key) {
        inFlight.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    private static BucketConfiguration limit(int attempts, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, period))
                .build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** {@code kind:} and the base64url SHA-256 of the parts, each preceded by its length so that no two lists collide. */
    private static String storeKey(String kind, String... parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return kind + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
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
}
