package io.bookingservice.domain.planted;

import io.bookingservice.application.error.NotFoundException;

/** Planted violation: the domain depending on the layer above it. */
public class DomainUsingTheApplication {
    NotFoundException notFound;
}
