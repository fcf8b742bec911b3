package io.bookingservice.bootstrap.keys;

import io.bookingservice.adapters.web.security.JwtKeyHolder;
import io.bookingservice.adapters.web.security.JwtKeys;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the signing keys every period and puts them in force when they changed, so that a
 * rotation ({@code booking keys generate}) reaches every running instance within one period:
 * each then signs with the new key and verifies the new and, unless refused, the previous one.
 *
 * <p>A read that fails (store unreachable, a value that does not parse, a rotation half done)
 * keeps the keys in force and logs one warning, without key material; the next period tries
 * again. The work runs on the given scheduler, never on a request thread.
 */
public final class SigningKeyRefresh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyRefresh.class);

    private final Supplier<JwtKeys> source;
    private final String location;
    private final JwtKeyHolder holder;
    private volatile ScheduledFuture<?> task;
    private volatile boolean closed;

    SigningKeyRefresh(Supplier<JwtKeys> source, String location, JwtKeyHolder holder) {
        this.source = Objects.requireNonNull(source, "source");
        this.location = Objects.requireNonNull(location, "location");
        this.holder = Objects.requireNonNull(holder, "holder");
    }

    /** Re-reads {@code source} into {@code holder} every {@code period} on {@code scheduler} until closed. */
    public static SigningKeyRefresh start(SigningKeySource source, JwtKeyHolder holder, Duration period,
            ScheduledExecutorService scheduler) {
        SigningKeyRefresh refresh = new SigningKeyRefresh(source::reload, source.location(), holder);
        long millis = period.toMillis();
        refresh.task = scheduler.scheduleWithFixedDelay(refresh::refreshNow, millis, millis, TimeUnit.MILLISECONDS);
        LOG.info("signing keys are re-read from {} every {} s", source.location(), period.toSeconds());
        return refresh;
    }

    /** One re-read; never throws, so the schedule keeps running. */
    void refreshNow() {
        JwtKeys before = holder.current();
        JwtKeys next;
        try {
            next = source.get();
        } catch (RuntimeException e) {
            if (closed) {
                // Interrupted by the shutdown: nothing is wrong with the keys.
                return;
            }
            // The message only: these exceptions name secrets and files, never their contents.
            LOG.warn("could not re-read the signing keys from {}; keeping {}: {}", location, before, e.getMessage());
            return;
        }
        if (holder.replace(next)) {
            LOG.info("signing keys changed: now {} (was {})", next, before);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (task != null) {
            task.cancel(false);
        }
    }
}
