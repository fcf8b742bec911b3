package io.bookingservice.adapters.persistence.planted;

import io.bookingservice.adapters.web.planted.WebAdapter;

/** Planted violation: one adapter depending on another. */
public class PersistenceUsingTheWebAdapter {
    WebAdapter web;
}
