package io.bookingservice.adapters.persistence.planted;

/** A compliant persistence adapter class for other planted classes to depend on. */
public class PersistenceAdapter {
}
