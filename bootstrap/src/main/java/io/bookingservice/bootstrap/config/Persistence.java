package io.bookingservice.bootstrap.config;

/** Which persistence adapter serves the repositories (BOOKING_PERSISTENCE). */
public enum Persistence {
    POSTGRES,
    /** Everything in memory and lost at exit: for demos and tests, never for real data. */
    MEMORY
}
