package io.bookingservice.bootstrap.wiring;

import io.bookingservice.application.port.in.CheckHealthUseCase;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.application.port.out.PasswordHasher;
import io.bookingservice.application.port.out.SchemaStatus;
import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.service.BookingService;
import io.bookingservice.application.service.HealthService;
import io.bookingservice.application.service.SessionLimits;
import io.bookingservice.application.service.SessionService;
import io.bookingservice.application.service.UserService;
import io.bookingservice.bootstrap.config.Settings;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's services, each built from the ports the chosen adapters provide. The
 * core has no annotations; this is the only place that knows how it fits together.
 */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BookingService bookingService(BookingRepository bookings, IdempotencyStore idempotency, Transactions transactions, Clock clock) {
        return new BookingService(bookings, idempotency, transactions, clock);
    }

    @Bean
    UserService userService(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
                            Transactions transactions, Clock clock, Settings settings) {
        return new UserService(users, sessions, hasher, transactions, clock, settings.passwordRehash());
    }

    @Bean
    SessionService sessionService(SessionRepository sessions, UserRepository users, Transactions transactions,
                                  Clock clock, Settings settings) {
        return new SessionService(sessions, users, transactions, clock,
                new SessionLimits(settings.sessionIdle(), settings.sessionMax()), new SecureRandom());
    }

    @Bean
    Draining draining() {
        return new Draining();
    }

    /** Readiness: the database's view, turned off while the service drains for shutdown. */
    @Bean
    CheckHealthUseCase checkHealth(SchemaStatus schema, Draining draining) {
        HealthService health = new HealthService(schema);
        // The port has no "shutting down" state; any not-ready answer takes the instance out
        // of a load balancer, which is all draining needs.
        return () -> draining.isDraining() ? CheckHealthUseCase.Readiness.DATABASE_UNAVAILABLE : health.readiness();
    }
}
