package io.bookingservice.bootstrap.wiring;

import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.adapters.web.security.PasswordChangeSettings;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.database.Database;
import io.bookingservice.bootstrap.periodic.PeriodicWork;
import io.bookingservice.bootstrap.throttle.PostgresThrottleStore;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** BOOKING_PERSISTENCE=postgres, serve only: the login throttle's buckets, shared through the database. */
@Configuration(proxyBeanMethods = false)
public class PostgresThrottleConfiguration {

    /** How long the start waits for the throttle's first connection (see PostgresThrottleStore#warmUp). */
    static final Duration WARM_UP_PATIENCE = Duration.ofSeconds(10);

    /**
     * The throttle's buckets in PostgreSQL, on a pool of their own (see {@link PostgresThrottleStore}),
     * so that every instance on this database shares the login limits.
     */
    @Bean(destroyMethod = "close")
    PostgresThrottleStore postgresThrottleStore(Database database, Settings settings) {
        Duration budget = settings.throttleTimeout();
        // Hikari waits at least 250 ms for a connection; the call's budget still bounds the caller.
        Duration connectionTimeout = budget.compareTo(Duration.ofMillis(250)) < 0 ? Duration.ofMillis(250) : budget;
        PostgresThrottleStore store = PostgresThrottleStore.over(database.openBoundedPool("booking-throttle",
                PostgresThrottleStore.CONNECTIONS, connectionTimeout, budget), budget);
        store.warmUp(WARM_UP_PATIENCE);
        return store;
    }

    @Bean
    ProxyManager<String> throttleStore(PostgresThrottleStore store) {
        return store.buckets();
    }

    /**
     * {@code /token} per (username, client address) and per client address; password changes per
     * account and per client address, each account and address with at most half of the hashing
     * permits. The address is the one {@code ClientAddressResolver} resolves.
     * The buckets live in PostgreSQL, shared by every instance, with a copy in this process in
     * front, so that a burst on one key makes no more round trips than its limits allow.
     */
    @Bean
    LoginThrottle loginThrottle(ProxyManager<String> throttleStore) {
        return LoginThrottle.shared(LoginThrottleSettings.DEFAULT,
                PasswordChangeSettings.defaults(PasswordHashingConfiguration.hashingPermits()),
                throttleStore, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** Keys hold attacker-chosen usernames (hashed): expired rows go, so the table stays bounded. */
    @Bean
    PeriodicWork.Task expiredThrottleBuckets(PostgresThrottleStore store) {
        return store.purgeTask();
    }
}
