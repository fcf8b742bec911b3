package io.bookingservice.bootstrap.wiring;

import io.bookingservice.adapters.persistence.memory.InMemoryBookingRepository;
import io.bookingservice.adapters.persistence.memory.InMemoryIdempotencyStore;
import io.bookingservice.adapters.persistence.memory.InMemorySessionRepository;
import io.bookingservice.adapters.persistence.memory.InMemoryTransactions;
import io.bookingservice.adapters.persistence.memory.InMemoryUserRepository;
import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.adapters.web.security.PasswordChangeSettings;
import io.bookingservice.adapters.web.security.ThrottleStores;
import io.bookingservice.application.port.out.SchemaStatus;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** BOOKING_PERSISTENCE=memory: everything in this process, lost at exit. */
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

    /** The login throttle's buckets in this process (Caffeine): one instance, nothing to share. */
    @Bean
    ProxyManager<String> throttleStore() {
        return ThrottleStores.inMemory(2 * LoginThrottleSettings.DEFAULT.maxTrackedEntries(), TimeMeter.SYSTEM_MILLISECONDS);
    }

    /**
     * {@code /token} per (username, client address) and per client address; password changes per
     * account and per client address, each account and address with at most half of the hashing
     * permits. The address is the one {@code ClientAddressResolver} resolves.
     * The buckets live in this process.
     */
    @Bean
    LoginThrottle loginThrottle(ProxyManager<String> throttleStore) {
        return new LoginThrottle(LoginThrottleSettings.DEFAULT, PasswordChangeSettings.defaults(SecurityConfiguration.hashingPermits()),
                throttleStore, TimeMeter.SYSTEM_MILLISECONDS);
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
