package io.bookingservice.adapters.web.planted;

import io.bookingservice.adapters.persistence.planted.PersistenceAdapter;

/** Planted violation: a controller talking to the persistence adapter directly. */
public class WebUsingThePersistenceAdapter {
    PersistenceAdapter repository;
}
