package io.bookingservice.bootstrap.throttle;

import com.zaxxer.hikari.HikariDataSource;
import io.bookingservice.bootstrap.periodic.PeriodicWork;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExecutionStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login throttle's buckets in PostgreSQL (table {@code throttle_buckets}, migration V7), shared
 * by every instance on the database: Bucket4j's PostgreSQL proxy manager (select-for-update), so
 * the same limits hold fleet-wide.
 *
 * <p>Isolated from the request path: it runs on a pool of its own of at most {@link #CONNECTIONS}
 * connections (a flood on one key can never take the request pool's connections) and on as many
 * threads, with a short line behind them; a call gets its budget ({@link #CALL_BUDGET}, 200 ms,
 * by default) in all, and every statement is cut by the server after the same time. A call that fails, times out or finds the
 * line full fails with Bucket4j's execution exception, which the throttle turns into a refusal.
 */
public final class PostgresThrottleStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresThrottleStore.class);

    public static final int CONNECTIONS = 2;
    /** The default budget of one call (BOOKING_THROTTLE_TIMEOUT). */
    public static final Duration CALL_BUDGET = Duration.ofMillis(200);
    /** Calls waiting for one of the threads; beyond this a call is refused at once. */
    static final int LINE = 16;
    /** Hikari's smallest connection timeout; the call budget still bounds the caller. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(250);
    static final String TABLE = "throttle_buckets";
    /** Expired rows are removed this often, in batches of {@link #PURGE_BATCH}. */
    public static final Duration PURGE_PERIOD = Duration.ofMinutes(5);
    static final int PURGE_BATCH = 1_000;
    /** Bounds one purge run; what is left goes at the next period. */
    static final int PURGE_MAX_BATCHES = 100;

    private final DataSource connections;
    private final Runnable closeConnections;
    private final ThreadPoolExecutor calls;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    /** Over an open pool, which this store closes, with the default {@link #CALL_BUDGET}. */
    public static PostgresThrottleStore over(HikariDataSource pool) {
        return over(pool, CALL_BUDGET);
    }

    /** @param callBudget a call's whole time, queueing included ({@code BOOKING_THROTTLE_TIMEOUT}) */
    public static PostgresThrottleStore over(HikariDataSource pool, Duration callBudget) {
        return new PostgresThrottleStore(pool, pool::close, callBudget);
    }

    /**
     * @param connections where the table is
     * @param closeConnections what {@link #close()} closes after the threads
     */
    PostgresThrottleStore(DataSource connections, Runnable closeConnections, Duration callBudget) {
        this.connections = connections;
        this.closeConnections = closeConnections;
        AtomicInteger threads = new AtomicInteger();
        this.calls = new ThreadPoolExecutor(CONNECTIONS, CONNECTIONS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(LINE), runnable -> {
                    Thread thread = new Thread(runnable, "throttle-store-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(connections)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                // A row expires once its bucket is full again: forgetting it then loses nothing.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .executionStrategy(ExecutionStrategy.backgroundTimeBounded(calls, callBudget))
                .build();
    }

    /**
     * Waits (at most {@code patience}) until the pool holds a connection, so that the first
     * login after a start does not spend its 200 ms budget on opening one (fork, authentication):
     * on a busy machine a fresh instance answered its first {@code POST /token} with 503. (No
     * Bucket4j call: even reading a bucket inserts its row first.) Gives up quietly: an unreachable database is the
     * readiness check's business, and a throttle call then fails closed as usual.
     */
    public void warmUp(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Connection connection = connections.getConnection()) {
                connection.isValid(1);
                break;
            } catch (SQLException e) {
                if (System.nanoTime() - deadline >= 0) {
                    LOG.warn("the login throttle's database connections are not ready yet: {}", e.getMessage());
                    return;
                }
            }
        }
    }

    /** The buckets, for {@code LoginThrottle}. */
    public ProxyManager<String> buckets() {
        return buckets;
    }

    /**
     * Deletes rows whose buckets are full again, in batches that skip rows other instances hold
     * (so instances purging at once neither wait for nor repeat each other); returns how many.
     */
    public int removeExpired() {
        int removed = 0;
        for (int batch = 0; batch < PURGE_MAX_BATCHES; batch++) {
            int deleted = buckets.removeExpired(PURGE_BATCH);
            removed += deleted;
            if (deleted < PURGE_BATCH) {
                break;
            }
        }
        return removed;
    }

    public PeriodicWork.Task purgeTask() {
        return new PeriodicWork.Task("expired throttle bucket purge", PURGE_PERIOD, this::removeExpired);
    }

    /** Stops the threads (a call in progress is abandoned; its statement times out), then closes the pool. */
    @Override
    public void close() {
        calls.shutdownNow();
        try {
            calls.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConnections.run();
        }
    }
}
