package io.bookingservice.application.planted;

import io.bookingservice.adapters.persistence.planted.PersistenceAdapter;

/** Planted violation: the application depending on an adapter instead of a port.out. */
public class ApplicationUsingAnAdapter {
    PersistenceAdapter adapter;
}
