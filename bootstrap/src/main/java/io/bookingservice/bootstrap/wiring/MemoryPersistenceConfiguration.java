package io.bookingservice.bootstrap.wiring;

import io.bookingservice.adapters.persistence.memory.InMemoryBookingRepository;
import io.bookingservice.adapters.persistence.memory.InMemoryIdempotencyStore;
import io.bookingservice.adapters.persistence.memory.InMemorySessionRepository;
import io.bookingservice.adapters.persistence.memory.InMemoryTransactions;
import io.bookingservice.adapters.persistence.memory.InMemoryUserRepository;
import io.bookingservice.application.port.out.SchemaStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** BOOKING_PERSISTENCE=memory: the repositories in this process, lost at exit. */
@Configuration(proxyBeanMethods = false)
public class MemoryPersistenceConfiguration {

    @Bean
    InMemoryTransactions transactions() {
        return new InMemoryTransactions();
    }

    @Bean
    InMemoryBookingRepository bookingRepository(InMemoryTransactions store) {
        return new InMemoryBookingRepository(store);
    }

    @Bean
    InMemoryUserRepository userRepository(InMemoryTransactions store) {
        return new InMemoryUserRepository(store);
    }

    @Bean
    InMemoryIdempotencyStore idempotencyStore(InMemoryTransactions store) {
        return new InMemoryIdempotencyStore(store);
    }

    @Bean
    InMemorySessionRepository sessionRepository(InMemoryTransactions store, InMemoryUserRepository users) {
        return new InMemorySessionRepository(store, users);
    }

    /** There is no schema to be behind. */
    @Bean
    SchemaStatus schemaStatus() {
        return () -> SchemaStatus.State.CURRENT;
    }
}
