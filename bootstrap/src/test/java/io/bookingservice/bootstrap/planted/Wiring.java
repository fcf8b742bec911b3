package io.bookingservice.bootstrap.planted;

/** A bootstrap class for the planted adapter to depend on. */
public class Wiring {
}
