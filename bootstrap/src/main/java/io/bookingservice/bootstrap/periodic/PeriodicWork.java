package io.bookingservice.bootstrap.periodic;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one scheduler for housekeeping (purging expired idempotency keys and throttle
 * rows): a single daemon thread, owned by the Spring context and shut down with it. Every task
 * must be safe when several instances run it at the same time (an idempotent
 * {@code DELETE … WHERE <expired>}), so no instance needs to be elected. A failed run is logged
 * and the task runs again at its next period.
 */
public final class PeriodicWork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicWork.class);

    /** The first run comes after this, or after the period when that is shorter, not during start-up. */
    static final Duration FIRST_RUN_AT_MOST = Duration.ofMinutes(1);

    /**
     * @param name   for the log
     * @param period between the end of one run and the start of the next
     * @param work   returns how many rows it removed, for the log
     */
    public record Task(String name, Duration period, Work work) {
        public Task {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(work, "work");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive");
            }
        }

        /** Runs the task once on the caller's thread; a failure is logged, never thrown. */
        public void runOnce() {
            try {
                int removed = work.run();
                if (removed > 0) {
                    LOG.info("{}: removed {}", name, removed);
                }
            } catch (RuntimeException e) {
                LOG.warn("{} failed, next try in {}: {}", name, period, e.toString());
            }
        }
    }

    /** One run of a task. */
    @FunctionalInterface
    public interface Work {
        int run();
    }

    private final ScheduledExecutorService scheduler;

    /** Starts running {@code tasks} at once, each on its own period. */
    public PeriodicWork(List<Task> tasks) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "periodic-work");
            thread.setDaemon(true);
            return thread;
        });
        for (Task task : tasks) {
            long first = Math.min(task.period().toMillis(), FIRST_RUN_AT_MOST.toMillis());
            scheduler.scheduleWithFixedDelay(task::runOnce, first, task.period().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("periodic work: {} every {}", task.name(), task.period());
        }
    }

    /** Stops the scheduler, interrupting a run in progress, and waits briefly for it to end. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("periodic work did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
