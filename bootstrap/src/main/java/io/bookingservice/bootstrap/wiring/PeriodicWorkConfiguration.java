package io.bookingservice.bootstrap.wiring;

import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.bootstrap.periodic.IdempotencyPurge;
import io.bookingservice.bootstrap.periodic.PeriodicWork;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one scheduler for housekeeping and its tasks: every {@link PeriodicWork.Task} bean of the
 * context (the idempotency purge here; the persistence adds its own, e.g. expired throttle rows).
 * Closed with the context, before the pools its tasks use.
 */
@Configuration(proxyBeanMethods = false)
public class PeriodicWorkConfiguration {

    @Bean
    PeriodicWork.Task idempotencyPurge(IdempotencyStore store, Clock clock) {
        return new IdempotencyPurge(store, clock).task();
    }

    @Bean(destroyMethod = "close")
    PeriodicWork periodicWork(List<PeriodicWork.Task> tasks) {
        // A list, not an ObjectProvider: Spring then records the dependencies and closes this first.
        return new PeriodicWork(tasks);
    }
}
