package io.bookingservice.application.service.planted;

import org.springframework.context.annotation.Lazy;

/**
 * Planted violation: a framework annotation on a service. Deliberately not a stereotype such as
 * {@code @Service}: a component scan of io.bookingservice in a bootstrap test must not pick it up.
 */
@Lazy
public class ServiceAnnotatedForSpring {
}
