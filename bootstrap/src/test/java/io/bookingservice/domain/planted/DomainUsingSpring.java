package io.bookingservice.domain.planted;

import org.springframework.context.ApplicationContext;

/** Planted violation: the domain reaching for Spring. */
public class DomainUsingSpring {
    ApplicationContext context;
}
