package io.bookingservice.application.planted;

import tools.jackson.databind.ObjectMapper;

/** Planted violation: JSON mapping inside the application. */
public class ApplicationUsingJackson {
    ObjectMapper mapper;
}
