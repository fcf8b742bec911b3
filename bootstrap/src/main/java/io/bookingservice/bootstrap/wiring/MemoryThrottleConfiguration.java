package io.bookingservice.bootstrap.wiring;

import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.adapters.web.security.PasswordChangeSettings;
import io.bookingservice.adapters.web.security.ThrottleStores;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** BOOKING_PERSISTENCE=memory, serve only: the login throttle's buckets in this process. */
@Configuration(proxyBeanMethods = false)
public class MemoryThrottleConfiguration {

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
        return new LoginThrottle(LoginThrottleSettings.DEFAULT,
                PasswordChangeSettings.defaults(PasswordHashingConfiguration.hashingPermits()),
                throttleStore, TimeMeter.SYSTEM_MILLISECONDS);
    }
}
