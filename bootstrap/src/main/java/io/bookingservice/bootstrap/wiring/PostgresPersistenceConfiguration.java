package io.bookingservice.bootstrap.wiring;

import org.springframework.context.annotation.Configuration;

/**
 * The MyBatis repositories over {@link DatabaseConfiguration}'s data source. Empty until the
 * MyBatis adapter is merged (issue 6 depends on it): with BOOKING_PERSISTENCE=postgres the
 * context then fails at start naming the missing repository beans.
 */
@Configuration(proxyBeanMethods = false)
public class PostgresPersistenceConfiguration {
}
