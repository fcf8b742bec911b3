package io.bookingservice.application.planted;

import org.springframework.context.ApplicationContext;

/** Planted violation: the application reaching for Spring. */
public class ApplicationUsingSpring {
    ApplicationContext context;
}
