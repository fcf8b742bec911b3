package io.bookingservice.bootstrap.wiring;

import io.bookingservice.bootstrap.periodic.IdempotencyPurge;
import io.bookingservice.bootstrap.periodic.PeriodicWork;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The one scheduler for housekeeping and its tasks: every {@link PeriodicWork.Task} bean of the
 * context (the idempotency purge here; the persistence adds its own, e.g. expired throttle rows).
 * Closed with the context, before the pools its tasks use. Serve only.
 */
@Configuration(proxyBeanMethods = false)
@Import(HousekeepingConfiguration.class)
public class PeriodicWorkConfiguration {

    @Bean
    PeriodicWork.Task idempotencyPurgeTask(IdempotencyPurge purge) {
        return purge.task();
    }

    @Bean(destroyMethod = "close")
    PeriodicWork periodicWork(List<PeriodicWork.Task> tasks) {
        // A list, not an ObjectProvider: Spring then records the dependencies and closes this first.
        return new PeriodicWork(tasks);
    }
}
