package io.bookingservice.bootstrap.wiring;

import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.bootstrap.periodic.IdempotencyPurge;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Housekeeping that both the service (hourly, {@link PeriodicWorkConfiguration}) and the operator
 * ({@code booking idempotency purge}) run.
 */
@Configuration(proxyBeanMethods = false)
public class HousekeepingConfiguration {

    @Bean
    IdempotencyPurge idempotencyPurge(IdempotencyStore store, Clock clock) {
        return new IdempotencyPurge(store, clock);
    }
}
