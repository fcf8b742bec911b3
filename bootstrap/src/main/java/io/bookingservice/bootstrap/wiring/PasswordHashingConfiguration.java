package io.bookingservice.bootstrap.wiring;

import io.bookingservice.adapters.web.security.Argon2Cost;
import io.bookingservice.adapters.web.security.Argon2idPasswordHasher;
import io.bookingservice.adapters.web.security.BoundedHashing;
import io.bookingservice.adapters.web.security.BoundedPasswordHasher;
import java.security.SecureRandom;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Password hashing (argon2id, legacy bcrypt verified): for the service and the operator commands alike. */
@Configuration(proxyBeanMethods = false)
public class PasswordHashingConfiguration {

    @Bean
    BoundedPasswordHasher passwordHasher() {
        // Argon2 takes ~19 MiB per call: at most one per core at a time, a short queue, and
        // 503 + Retry-After beyond that, so a login flood cannot exhaust memory.
        int cores = hashingPermits();
        return new BoundedPasswordHasher(new Argon2idPasswordHasher(Argon2Cost.DEFAULT, new SecureRandom()),
                new BoundedHashing(cores, 4 * cores, Duration.ofSeconds(1)));
    }

    /** Argon2 calls that run at once: one per core. */
    public static int hashingPermits() {
        return Runtime.getRuntime().availableProcessors();
    }
}
